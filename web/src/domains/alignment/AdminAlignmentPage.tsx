// "Goals and values" for admins: both lists with add, edit, reorder and delete (goals) or retire
// (values). Participants read the same data on GoalsValuesPage.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n/index.ts';
import { LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { GoalForm } from './GoalForm.tsx';
import { CapabilityLine, PARTICIPANT_PATH } from './GoalsValuesPage.tsx';
import { GoalStatusBadge, periodOf } from './labels.tsx';
import { ManagedList } from './ManagedList.tsx';
import {
  useDeleteGoal,
  useGoals,
  useOrderGoals,
  useOrderValues,
  useRetireValue,
  useValues,
} from './queries.ts';
import { ValueForm } from './ValueForm.tsx';
import './alignment.css';

export const ADMIN_PATH = '/admin/alignment';

export function AdminAlignmentPage() {
  const goals = useGoals();
  const values = useValues();
  const deleteGoal = useDeleteGoal();
  const orderGoals = useOrderGoals();
  const retireValue = useRetireValue();
  const orderValues = useOrderValues();
  const failed = [goals, values].find((q) => q.isError);

  let content: ReactNode;
  if (failed) {
    content = (
      <LoadError
        message={errorText(failed.error)}
        onRetry={() => {
          if (goals.isError) void goals.refetch();
          if (values.isError) void values.refetch();
        }}
      />
    );
  } else if (!goals.data || !values.data) content = <Loading />;
  else {
    content = (
      <>
        <ManagedList
          title={t('alignment.goals')}
          addLabel={t('alignmentAdmin.addGoal')}
          empty={t('alignment.noGoals')}
          items={goals.data}
          nameOf={(g) => g.title}
          summary={(g) => (
            <>
              <div className="alignment-card-head">
                <h3>{g.title}</h3>
                <GoalStatusBadge status={g.status} />
              </div>
              <p className="alignment-meta">
                <span>{periodOf(g)}</span>
                <span>
                  {g.owner ? t('alignment.owner', { name: g.owner.name }) : t('alignmentAdmin.noOwner')}
                </span>
              </p>
            </>
          )}
          form={(g, onDone) => <GoalForm goal={g} onDone={onDone} />}
          order={(ids) => orderGoals.mutateAsync(ids)}
          removal={{
            action: t('alignmentAdmin.delete'),
            actionNamed: (name) => t('alignmentAdmin.deleteNamed', { name }),
            title: (name) => t('alignmentAdmin.deleteTitle', { name }),
            body: t('alignmentAdmin.deleteBody'),
            confirm: t('alignmentAdmin.deleteConfirm'),
            done: (name) => t('alignmentAdmin.deleted', { name }),
            run: (id) => deleteGoal.mutateAsync(id),
          }}
        />
        <ManagedList
          title={t('alignment.values')}
          addLabel={t('alignmentAdmin.addValue')}
          empty={t('alignment.noValues')}
          items={values.data}
          nameOf={(v) => v.name}
          summary={(v) => (
            <>
              <h3>{v.name}</h3>
              <CapabilityLine capability={v.capability} />
            </>
          )}
          form={(v, onDone) => <ValueForm value={v} onDone={onDone} />}
          order={(ids) => orderValues.mutateAsync(ids)}
          removal={{
            action: t('alignmentAdmin.retire'),
            actionNamed: (name) => t('alignmentAdmin.retireNamed', { name }),
            title: (name) => t('alignmentAdmin.retireTitle', { name }),
            body: t('alignmentAdmin.retireBody'),
            confirm: t('alignmentAdmin.retireConfirm'),
            done: (name) => t('alignmentAdmin.retired', { name }),
            run: (id) => retireValue.mutateAsync(id),
          }}
        />
      </>
    );
  }

  return (
    <section>
      <div className="page-header">
        <PageHeading title={t('alignmentAdmin.title')} />
        <Link to={PARTICIPANT_PATH}>{t('alignmentAdmin.viewAsParticipant')}</Link>
      </div>
      <p className="lead">{t('alignmentAdmin.intro')}</p>
      {content}
    </section>
  );
}
