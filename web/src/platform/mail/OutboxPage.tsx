import { type ReactNode, useId, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { OutboxMessage } from '../../api.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { Badge, Button, LoadError, Loading, PageHeading } from '../../ui/components.tsx';
import { errorText } from '../../ui/errors.ts';
import { Linkified } from './linkify.tsx';
import { useOutbox } from './queries.ts';

const PAGE_SIZE = 20;
const STATUS_TONE = { queued: 'neutral', sent: 'positive', outbox: 'warning', failed: 'negative' } as const;

export function OutboxPage() {
  const [query] = useSearchParams();
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const list = useOutbox(PAGE_SIZE, (page - 1) * PAGE_SIZE);

  let content: ReactNode;
  if (list.isPending) content = <Loading />;
  else if (list.isError)
    content = <LoadError message={errorText(list.error)} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) content = <p className="empty">{t('outbox.empty')}</p>;
  else {
    const pages = Math.max(1, Math.ceil(list.data.total / PAGE_SIZE));
    // The server pages newest first; sorting the page again guards the order the brief promises.
    const items = [...list.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    content = (
      <>
        <ul className="outbox-list" aria-label={t('outbox.listLabel')}>
          {items.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
        </ul>
        {pages > 1 ? <Pagination page={page} pages={pages} /> : null}
      </>
    );
  }

  return (
    <section>
      <PageHeading title={t('outbox.title')} focusKey={String(page)} />
      <p className="lead">{t('outbox.intro')}</p>
      {content}
    </section>
  );
}

function MessageItem({ message }: { message: OutboxMessage }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <li className={`outbox-item${open ? ' is-open' : ''}`}>
      <h2 className="outbox-subject">
        <button
          type="button"
          className="outbox-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          <svg
            className="outbox-chevron"
            viewBox="0 0 16 16"
            width="14"
            height="14"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span>{message.subject || t('outbox.noSubject')}</span>
        </button>
      </h2>
      <p className="outbox-meta">
        <Badge tone={STATUS_TONE[message.status]}>{t(`outbox.status.${message.status}`)}</Badge>
        <span>
          <span className="visually-hidden">{t('outbox.to')}: </span>
          {message.to}
        </span>
        <span className="muted">
          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        </span>
        {message.calendar ? (
          <Badge tone="neutral">{t(`outbox.calendar.${message.calendar.method}`)}</Badge>
        ) : null}
      </p>
      <div id={bodyId} className="outbox-body" hidden={!open}>
        {message.sentAt || message.error ? (
          <dl className="details details-inline">
            {message.sentAt ? (
              <div>
                <dt>{t('outbox.sent')}</dt>
                <dd>{formatDateTime(message.sentAt)}</dd>
              </div>
            ) : null}
            {message.error ? (
              <div>
                <dt>{t('outbox.error')}</dt>
                <dd className="text-error">{message.error}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {open ? (
          <div className="message-text">
            <Linkified text={message.text} />
          </div>
        ) : null}
        {open && Object.keys(message.headers).length > 0 ? (
          <dl className="details outbox-headers" aria-label={t('outbox.headers')}>
            {Object.entries(message.headers).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {open && message.calendar ? (
          <p>
            <a
              className="outbox-calendar"
              download="invite.ics"
              href={`data:text/calendar;charset=utf-8;method=${message.calendar.method},${encodeURIComponent(message.calendar.ics)}`}
            >
              {t('outbox.calendarDownload')}
            </a>
          </p>
        ) : null}
      </div>
    </li>
  );
}

function Pagination({ page, pages }: { page: number; pages: number }) {
  const navigate = useNavigate();
  const go = (to: number) => navigate(to === 1 ? '/admin/outbox' : `/admin/outbox?page=${to}`);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
        <span aria-hidden="true">← </span>
        {t('pagination.previous')}
      </Button>
      <span className="pagination-status">{t('pagination.status', { page, pages })}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => go(page + 1)}>
        {t('pagination.next')}
        <span aria-hidden="true"> →</span>
      </Button>
    </nav>
  );
}
