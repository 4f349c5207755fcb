// The participant's tasks from check-ins, listed on their plan page (the development domain shows
// this component): each ticks done there as on its check-in, and links back to it.
import { useId } from 'react';
import { Link } from 'react-router';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { type Task, useActionDone, useMyTasks } from './queries.ts';
import './checkins.css';

export function CheckInTasks() {
  const tasks = useMyTasks();
  // Nothing to show (or not loaded yet): the plan page stays as it was.
  if (!tasks.data?.tasks.length) return null;
  return (
    <section className="card stack" aria-labelledby="checkin-tasks-title">
      <h2 id="checkin-tasks-title">{t('checkins.tasks.title')}</h2>
      <ul className="checkin-actions">
        {tasks.data.tasks.map((task) => (
          <TaskItem key={task.id} task={task} />
        ))}
      </ul>
    </section>
  );
}

function TaskItem({ task }: { task: Task }) {
  const done = useActionDone(task.checkIn.id);
  const box = useId();
  return (
    <li className="checkin-action">
      <div className="checkbox">
        <input
          id={box}
          type="checkbox"
          checked={task.done}
          onChange={(e) => done.mutate({ id: task.id, done: e.currentTarget.checked })}
        />
        <label htmlFor={box}>
          <span className={task.done ? 'checkin-done' : undefined}>{task.title}</span>
        </label>
      </div>
      <Link className="hint" to={`/check-ins/${task.checkIn.id}`}>
        {t('checkins.tasks.from', { title: task.checkIn.title, date: formatDate(task.checkIn.startsAt) })}
      </Link>
      {done.isError ? <Alert tone="error">{errorText(done.error)}</Alert> : null}
    </li>
  );
}
