// The empowering-skills library: everyone's library and module pages, and the admin editor.
import type { WebModule } from '../../app/module.ts';
import { t } from '../../i18n/index.ts';
import { AdminLibraryPage } from './AdminLibraryPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { ModuleEditorPage } from './ModuleEditorPage.tsx';
import { ModulePage } from './ModulePage.tsx';
import { NewModulePage } from './NewModulePage.tsx';
import { ADMIN_LIBRARY_PATH, EDIT_MODULE_PATH, LIBRARY_PATH, MODULE_PATH, NEW_MODULE_PATH } from './paths.ts';

export const libraryModule: WebModule = {
  name: 'library',
  routes: [
    { path: LIBRARY_PATH, access: 'signed-in', render: () => <LibraryPage /> },
    { path: MODULE_PATH, access: 'signed-in', render: (p) => <ModulePage id={p.id!} /> },
    { path: ADMIN_LIBRARY_PATH, access: 'admin', render: () => <AdminLibraryPage /> },
    // A fixed segment outranks `:id` in React Router, so "new" never reads as an id.
    { path: NEW_MODULE_PATH, access: 'admin', render: () => <NewModulePage /> },
    { path: EDIT_MODULE_PATH, access: 'admin', render: (p) => <ModuleEditorPage id={p.id!} /> },
  ],
  nav: [
    { to: LIBRARY_PATH, label: () => t('library.nav') },
    { to: ADMIN_LIBRARY_PATH, label: () => t('libraryAdmin.nav'), admin: true },
  ],
};
