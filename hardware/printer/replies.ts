/**
 * Splits the printer→host byte stream into replies. Nothing in the stream
 * says which request a byte answers, but the fixed bits do tell the kinds
 * apart (see status.ts): DLE EOT replies `0xx1xx10`, an ASB message starts
 * `0xx1xx00` and carries three more bytes with bits 4 and 7 clear, and a
 * `GS r` reply (in-order status) has bits 4 and 7 clear outside an ASB
 * message — the printer never splits an ASB message.
 */
import { isAsbFirstByte, isAsbFollowByte, isDleEotReplyByte } from './status';

export type PrinterReply =
  | { kind: 'dle-eot'; byte: number }
  | { kind: 'asb'; bytes: Uint8Array }
  | { kind: 'in-order'; byte: number }
  | { kind: 'unknown'; byte: number };

export class ReplyDecoder {
  private asb: number[] = [];

  push(chunk: Uint8Array): PrinterReply[] {
    const out: PrinterReply[] = [];
    for (const byte of chunk) {
      if (this.asb.length > 0) {
        if (isAsbFollowByte(byte)) {
          this.asb.push(byte);
          if (this.asb.length === 4) {
            out.push({ kind: 'asb', bytes: Uint8Array.from(this.asb) });
            this.asb = [];
          }
          continue;
        }
        // A cut-short ASB message (noise, a lost byte): give up on it.
        for (const b of this.asb) out.push({ kind: 'unknown', byte: b });
        this.asb = [];
      }
      if (isDleEotReplyByte(byte)) out.push({ kind: 'dle-eot', byte });
      else if (isAsbFirstByte(byte)) this.asb.push(byte);
      else if (isAsbFollowByte(byte)) out.push({ kind: 'in-order', byte });
      else out.push({ kind: 'unknown', byte });
    }
    return out;
  }

  reset(): void {
    this.asb = [];
  }
}
