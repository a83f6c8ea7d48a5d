import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useOutbox, useOutboxAvailable, type OutboxMessage } from '../api/outbox.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { EmptyState, ErrorState, Loading } from '../components/StatusViews.js';
import { useFormat } from '../i18n/format.js';

/**
 * The local runtime's outbox: the e-mails Sykli would have sent, newest first, each with its
 * recipients, subject, text and attachments (the invitations' .ics, to download or read here).
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const available = useOutboxAvailable();
  const outbox = useOutbox();
  const messages = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeading title={t('outbox.title')} />
      <p className="lede">{t('outbox.intro')}</p>
      {available.data === false && outbox.isError ? (
        <EmptyState title={t('outbox.unavailableTitle')}>
          <p>{t('outbox.unavailableBody')}</p>
        </EmptyState>
      ) : outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : messages.length === 0 ? (
        <EmptyState title={t('outbox.emptyTitle')}>
          <p>{t('outbox.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {t('outbox.count', { count: messages.length })}
          </p>
          <ol className="outbox">
            {messages.map((message) => (
              <MessageItem key={message.id} message={message} />
            ))}
          </ol>
          {outbox.hasNextPage && (
            <button type="button" className="button button--quiet" disabled={outbox.isFetchingNextPage} onClick={() => void outbox.fetchNextPage()}>
              {outbox.isFetchingNextPage ? t('status.loading') : t('outbox.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}

function MessageItem({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `message-${message.id}`;
  const about = message.about;
  const cycleLink = about.unitId && about.cycleId ? `/units/${about.unitId}/cycles/${about.cycleId}` : undefined;
  return (
    <li className="message">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="message__subject">
          {message.subject}
        </h2>
        <dl className="message__facts">
          <div>
            <dt>{t('outbox.sent')}</dt>
            <dd>
              <time dateTime={message.at}>{format.dateTime(message.at)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('outbox.to')}</dt>
            <dd>{format.list(message.to)}</dd>
          </div>
          <div>
            <dt>{t('outbox.kind')}</dt>
            <dd>{kindLabel(message.kind, t)}</dd>
          </div>
        </dl>
        <pre className="message__body">{message.text}</pre>
        {message.attachments.length > 0 && (
          <ul className="message__attachments" aria-label={t('outbox.attachments')}>
            {message.attachments.map((attachment, n) => (
              <li key={n} className="attachment">
                <a
                  className="button button--quiet button--small"
                  href={`data:${attachment.contentType};charset=utf-8,${encodeURIComponent(attachment.content)}`}
                  download={attachment.filename}
                >
                  <span aria-hidden="true" className="button__glyph">⤓</span>
                  {t('outbox.download', { file: attachment.filename })}
                </a>
                <details className="attachment__view">
                  <summary>{t('outbox.viewAttachment', { file: attachment.filename })}</summary>
                  <pre className="message__body message__body--code" lang="en">
                    {attachment.content}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
        )}
        {cycleLink && (
          <p className="message__link">
            <Link href={cycleLink}>{t('outbox.openCycle')}</Link>
          </p>
        )}
      </article>
    </li>
  );
}

// i18next's own type: ReturnType of the hook's `t` grows too deep for the compiler as the texts grow.
type T = TFunction;

function kindLabel(kind: string, t: T): string {
  switch (kind) {
    case 'review-invitation':
      return t('outbox.kinds.invitation');
    case 'review-reschedule':
      return t('outbox.kinds.reschedule');
    case 'review-cancellation':
      return t('outbox.kinds.cancellation');
    case 'study-review-request':
      return t('outbox.kinds.studyRequest');
    case 'study-review-reminder':
      return t('outbox.kinds.reminder');
    case 'cycle-overdue':
      return t('outbox.kinds.overdue');
    default:
      return kind;
  }
}
