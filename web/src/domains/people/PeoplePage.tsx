import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { TEAM_PATH_SEPARATOR } from '../../../../src/identity/people/constants.ts';
import type { PersonSummary, Team } from '../../api.ts';
import { replaceQuery } from '../../app/router.tsx';
import { isAdmin, useViewer } from '../../app/session.tsx';
import { t, tn } from '../../i18n/index.ts';
import { Button, LoadError, Loading, PageHeading, ScrollTable } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { StatusBadge } from './labels.tsx';
import { PersonEditForm } from './PersonEditForm.tsx';
import { useCareerStages, usePeople, useTeams } from './queries.ts';

/** Case- and accent-insensitive, so "zoe" finds "Zoë". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

const NO_TEAM = 'none';

/** "Engineering › Platform": where the person's team sits. */
export const teamPathText = (team: { path: string[] }) => team.path.join(TEAM_PATH_SEPARATOR);

/**
 * A team in one table cell, in reading order: its parents' path (small), its name, and its
 * leader (small). One column rather than two keeps the directory within a laptop's width.
 */
function TeamCell({ person }: { person: PersonSummary & { team: { path: string[] } } }) {
  const parents = person.team.path.slice(0, -1);
  return (
    <span className="team-cell">
      {parents.length ? (
        <span className="team-parents">{`${parents.join(TEAM_PATH_SEPARATOR)}\u00a0›`}</span>
      ) : null}
      <span className="team-own">{person.team.path.at(-1)}</span>
      {person.teamLeader ? (
        <span className="team-parents">
          {t('people.ledBy')} <Link to={`/people/${person.teamLeader.id}`}>{person.teamLeader.name}</Link>
        </span>
      ) : null}
    </span>
  );
}

/**
 * Whether a team (or a person's team) is `of` or one of its sub-teams, read from the paths the
 * server sends: team names are unique in an organisation, so `of` sits at its depth in the path.
 */
export const withinTeam = (team: { path: string[] }, of: Team) => team.path[of.depth - 1] === of.name;

/** The team and its sub-teams, as the server's `team` filter has it. */
function teamFilter(teams: Team[], team: string): Team | null {
  if (!team || team === NO_TEAM) return null;
  return teams.find((tm) => tm.id === team) ?? null;
}

function matches(
  person: PersonSummary,
  q: string,
  team: string,
  inTeam: Team | null,
  stage: string,
): boolean {
  if (team === NO_TEAM && person.team !== null) return false;
  if (inTeam && !(person.team && withinTeam(person.team, inTeam))) return false;
  if (stage && person.careerStage.key !== stage) return false;
  if (!q) return true;
  const needle = fold(q);
  return fold(person.name).includes(needle) || fold(person.email).includes(needle);
}

export function PeoplePage() {
  const viewer = useViewer();
  const [query] = useSearchParams();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const ids = { search: useId(), team: useId(), stage: useId(), count: useId() };
  const peopleList = usePeople();
  const teamList = useTeams();
  const stageList = useCareerStages();
  const queries = [peopleList, teamList, stageList];
  const failed = queries.find((q) => q.isError);

  const q = query.get('q') ?? '';
  const team = query.get('team') ?? '';
  const stage = query.get('stage') ?? '';

  const setFilter = (name: 'q' | 'team' | 'stage', value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    replaceQuery(next);
  };

  const people = peopleList.data?.items ?? null;
  const shown = useMemo(() => {
    const inTeam = teamFilter(teamList.data ?? [], team);
    return (people ?? [])
      .filter((p) => matches(p, q.trim(), team, inTeam, stage))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [people, teamList.data, q, team, stage]);

  let content: ReactNode;
  if (failed) {
    const retry = () => {
      for (const q of queries) if (q.isError) void q.refetch();
    };
    content = <LoadError message={errorText(failed.error)} onRetry={retry} />;
  } else if (!people || !teamList.data || !stageList.data) content = <Loading />;
  else {
    const teams = teamList.data;
    const stages = stageList.data;
    const total = people.length;
    const filtered = Boolean(q || team || stage);
    content = (
      <>
        <search className="filters" aria-label={t('people.search')}>
          <div className="field">
            <label htmlFor={ids.search}>{t('people.search')}</label>
            <input
              id={ids.search}
              type="search"
              placeholder={t('people.searchHint')}
              aria-describedby={ids.count}
              value={q}
              onChange={(e) => setFilter('q', e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.team}>{t('people.team')}</label>
            <select id={ids.team} value={team} onChange={(e) => setFilter('team', e.target.value)}>
              <option value="">{t('people.anyTeam')}</option>
              {/* In tree order with whole paths: choosing a parent team takes its sub-teams in. */}
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {teamPathText(tm)}
                </option>
              ))}
              <option value={NO_TEAM}>{t('people.noTeamFilter')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.stage}>{t('people.stage')}</label>
            <select id={ids.stage} value={stage} onChange={(e) => setFilter('stage', e.target.value)}>
              <option value="">{t('people.anyStage')}</option>
              {[...stages]
                .sort((a, b) => a.position - b.position)
                .map((s) => (
                  <option key={s.id} value={s.key}>
                    {s.name}
                  </option>
                ))}
            </select>
          </div>
          {filtered ? (
            <div className="filters-clear">
              <Button variant="link" onClick={() => replaceQuery(new URLSearchParams())}>
                {t('people.clear')}
              </Button>
            </div>
          ) : null}
        </search>

        <p id={ids.count} className="result-count" role="status">
          {tn('people.count', total, { shown: shown.length, total })}
        </p>

        {shown.length === 0 ? (
          <div className="empty">
            <p>{total === 0 ? t('people.emptyOrg') : t('people.empty')}</p>
            {total === 0 && isAdmin(viewer) ? (
              <p>
                <Link to="/admin/import">{t('people.importHint')}</Link>
              </p>
            ) : null}
          </div>
        ) : (
          <PeopleList people={shown} organisation={viewer.organisation.name} />
        )}
      </>
    );
  }

  return (
    <section>
      <div className="page-header">
        <PageHeading title={t('people.title')} />
        {isAdmin(viewer) ? (
          <div className="form-actions">
            {adding ? null : (
              <Button ref={addButton} onClick={() => setAdding(true)}>
                {t('people.add')}
              </Button>
            )}
            <Link to="/admin/import" className="button button-secondary">
              {t('nav.import')}
            </Link>
          </div>
        ) : null}
      </div>
      {adding ? (
        // One person without a CSV: the person form in add mode; the new person's page opens after.
        <div className="card add-person">
          <PersonEditForm
            person={null}
            onDone={() => {
              setAdding(false);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
            onCreated={(created, invited) =>
              navigate(`/people/${encodeURIComponent(created.id)}?added=${invited ? 'invited' : 'yes'}`)
            }
          />
        </div>
      ) : null}
      {content}
    </section>
  );
}
/** A table where there is room for one; on phones, a card per person, which needs no sideways scrolling. */
function PeopleList(props: { people: PersonSummary[]; organisation: string }) {
  const narrow = useMediaQuery('(max-width: 640px)');
  return narrow ? <PeopleCards {...props} /> : <PeopleTable {...props} />;
}

function PeopleCards({ people, organisation }: { people: PersonSummary[]; organisation: string }) {
  return (
    <ul className="person-cards" aria-label={t('people.tableCaption', { organisation })}>
      {people.map((p) => (
        <li key={p.id} className="person-card">
          <div className="person-card-head">
            <Link to={`/people/${p.id}`} className="person-card-name">
              {p.name}
            </Link>
            <StatusBadge status={p.status} />
          </div>
          <p className="person-card-email">{p.email}</p>
          <dl className="person-card-facts">
            <div>
              <dt>{t('people.col.stage')}</dt>
              <dd>{p.careerStage.name}</dd>
            </div>
            <div>
              <dt>{t('people.col.team')}</dt>
              <dd>{p.team ? teamPathText(p.team) : t('people.none')}</dd>
            </div>
            <div>
              <dt>{t('people.col.teamLeader')}</dt>
              <dd>
                {p.teamLeader ? (
                  <Link to={`/people/${p.teamLeader.id}`}>{p.teamLeader.name}</Link>
                ) : (
                  t('people.none')
                )}
              </dd>
            </div>
            <div>
              <dt>{t('people.col.manager')}</dt>
              <dd>
                {p.manager ? <Link to={`/people/${p.manager.id}`}>{p.manager.name}</Link> : t('people.none')}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function PeopleTable({ people, organisation }: { people: PersonSummary[]; organisation: string }) {
  const captionId = useId();
  const none = <span className="muted">{t('people.none')}</span>;
  return (
    <ScrollTable labelledBy={captionId}>
      <table className="table table-sticky">
        <caption id={captionId} className="visually-hidden">
          {t('people.tableCaption', { organisation })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('people.col.name')}</th>
            <th scope="col">{t('people.col.email')}</th>
            <th scope="col">{t('people.col.stage')}</th>
            <th scope="col">{t('people.col.teamAndLeader')}</th>
            <th scope="col">{t('people.col.manager')}</th>
            <th scope="col">{t('people.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/people/${p.id}`}>{p.name}</Link>
              </th>
              <td className="nowrap">{p.email}</td>
              <td>{p.careerStage.name}</td>
              <td>{p.team ? <TeamCell person={{ ...p, team: p.team }} /> : none}</td>
              <td>{p.manager ? <Link to={`/people/${p.manager.id}`}>{p.manager.name}</Link> : none}</td>
              <td>
                <StatusBadge status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
