import type { PersonSummary, Role } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { Badge } from '../../ui/components.tsx';

export const ROLE_ORDER: readonly Role[] = ['participant', 'coach', 'admin'];

export const roleLabel = (role: Role): string => t(`role.${role}`);

const STATUS_TONE = { active: 'positive', invited: 'warning', disabled: 'neutral' } as const;

export function StatusBadge({ status }: { status: PersonSummary['status'] }) {
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}
