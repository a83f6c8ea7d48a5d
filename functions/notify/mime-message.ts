import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from './notifier.js';

/** RFC 2047 encoded-word, so Finnish and Swedish letters survive in headers. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function base64Lines(content: string): string {
  return (Buffer.from(content, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/**
 * A raw MIME message: the text (and its HTML alternative, if any) as UTF-8, each attachment base64-encoded. A calendar attachment
 * carries its METHOD in the content type, which mail clients need to show it as an invitation.
 */
export function mimeMessage(message: OutgoingMessage, from: string): string {
  const boundary = `sykli-${randomUUID()}`;
  const attachments = message.attachments ?? [];
  const headers = [
    `From: ${from}`,
    `To: ${message.to.join(', ')}`,
    `Subject: ${encodeHeader(message.subject)}`,
    'MIME-Version: 1.0',
  ];
  const textPart = ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(message.text)];
  // With HTML, the text and the HTML are alternatives of one body: clients show the richer one they can.
  const alternatives = `sykli-alt-${randomUUID()}`;
  const body = message.html
    ? [
        `Content-Type: multipart/alternative; boundary="${alternatives}"`,
        '',
        `--${alternatives}`,
        ...textPart,
        `--${alternatives}`,
        'Content-Type: text/html; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(message.html),
        `--${alternatives}--`,
      ]
    : textPart;
  if (attachments.length === 0) return [...headers, ...body, ''].join('\r\n');
  const parts = attachments.map((a) => {
    const method = /^METHOD:(\w+)/m.exec(a.content)?.[1];
    const type = a.contentType.startsWith('text/calendar') && method ? `${a.contentType}; method=${method}` : a.contentType;
    return [
      `Content-Type: ${type}; charset=UTF-8; name="${a.filename}"`,
      `Content-Disposition: attachment; filename="${a.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(a.content),
    ].join('\r\n');
  });
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...body,
    ...parts.flatMap((part) => [`--${boundary}`, part]),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
