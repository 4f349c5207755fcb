import { frameworkApi } from '../../../../src/domains/framework/endpoints.ts';
import { hrefOf, type VersionDetail } from '../../api.ts';
import { t } from '../../i18n/index.ts';

/** Plain download links: the browser fetches the file with the session cookie. */
export function ExportLinks({ version }: { version: VersionDetail }) {
  return (
    <div className="form-actions editor-exports">
      <a
        className="button button-secondary"
        href={hrefOf(frameworkApi.exportVersion, { params: { id: version.id }, query: { format: 'json' } })}
        download
      >
        {t('versions.exportJson')}
      </a>
      <a
        className="button button-secondary"
        href={hrefOf(frameworkApi.exportVersion, { params: { id: version.id }, query: { format: 'yaml' } })}
        download
      >
        {t('versions.exportYaml')}
      </a>
    </div>
  );
}
