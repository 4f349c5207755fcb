// The server's field errors for a new plan, placed where the person can act on them: paths such
// as `focusAreas.1.goal` beside that focus's goal, `title` beside the plan's name; anything else
// (e.g. an unknown goal id) is listed in the error summary with its path, so no rule goes unseen.
import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { detailId } from './focus-details.tsx';
import type { Problem } from './form-parts.tsx';

export function serverProblems(
  error: unknown,
  chosen: readonly { name: string }[],
  ids: { choices: string; ownTitle: string; title: string },
  idPrefix: string,
): { mapped: Record<string, string>; problems: Problem[] } {
  const mapped: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const [path, rule] of Object.entries(error instanceof ApiError ? error.fields : {})) {
    const m = /^focusAreas\.(\d+)\.(\w+)/.exec(path);
    const index = m ? Number(m[1]) : -1;
    const field = m?.[2];
    const focus = chosen[index];
    if (focus && (field === 'goal' || field === 'why')) {
      const label = field === 'goal' ? t('plan.new.field.goal') : t('plan.new.field.why');
      const text = t('plan.rule', { label, rule });
      mapped[`${index}.${field}`] = text;
      problems.push({
        target: detailId(idPrefix, index, field),
        text: t('plan.new.problemIn', { focus: focus.name, rule: text }),
      });
    } else if (focus && field === 'title') {
      mapped['own.title'] = t('plan.rule', { label: t('plan.new.field.title'), rule });
      problems.push({ target: ids.ownTitle, text: mapped['own.title'] });
    } else if (path === 'title') {
      mapped.title = t('plan.rule', { label: t('plan.new.field.planTitle'), rule });
      problems.push({ target: ids.title, text: mapped.title });
    } else {
      problems.push({ target: path.startsWith('focusAreas') ? ids.choices : '', text: `${path}: ${rule}` });
    }
  }
  return { mapped, problems };
}
