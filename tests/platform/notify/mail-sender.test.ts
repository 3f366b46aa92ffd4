import { describe, expect, it } from 'vitest';
import { MailError, mailErrorOf } from '../../../platform/notify/mail-sender';

/** An error shaped as nodemailer hands them out: its message quotes the server's reply. */
function nodemailerError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error('Message failed: 550 5.1.1 <zhao.liu@district.example>: 赵六 unknown'), fields);
}

describe('a sending failure as a MailError', () => {
  it('keeps the reply code: 5xx permanent, 4xx transient', () => {
    expect(mailErrorOf(nodemailerError({ code: 'EENVELOPE', responseCode: 550 }))).toMatchObject({
      code: '550',
      permanent: true,
    });
    expect(mailErrorOf(nodemailerError({ code: 'EMESSAGE', responseCode: 451 }))).toMatchObject({
      code: '451',
      permanent: false,
    });
  });

  it('keeps nodemailer’s code when no reply came, as transient', () => {
    expect(mailErrorOf(nodemailerError({ code: 'ETIMEDOUT' }))).toMatchObject({ code: 'ETIMEDOUT', permanent: false });
    expect(mailErrorOf(new Error('no code'))).toMatchObject({ code: 'EUNKNOWN', permanent: false });
    // A code that is not a short token is not recorded as is (it would go to the log).
    expect(mailErrorOf(nodemailerError({ code: 'a b\r\nc' }))).toMatchObject({ code: 'EUNKNOWN' });
  });

  it('carries nothing of the server’s reply: no address, no name', () => {
    const error = mailErrorOf(nodemailerError({ responseCode: 550 }));
    expect(error).toBeInstanceOf(MailError);
    expect(`${String(error)} ${JSON.stringify(error)} ${String(error.cause)}`).not.toMatch(/zhao|赵六/);
  });
});
