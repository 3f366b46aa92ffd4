#!/usr/bin/env node
// `node scripts/staff.mjs hash-pin`: reads a staff PIN from stdin and prints the
// scrypt hash to paste into the config file's `staff[].pinHash`. The PIN never
// appears on the command line (shell history, `ps`) nor on screen.
//
// The PIN rule and the scrypt cost come from contracts/pin-rule.json, the file the host's
// contracts/auth.ts reads too, so a hash written here signs in on the host (the format is
// scrypt$N$r$p$saltB64$hashB64, as host/auth/pin-hash.ts writes and checks it).
// tests/scripts/staff-hash-pin.test.ts proves it on a real host.
import { randomBytes, scrypt } from 'node:crypto';
import pinRule from '../contracts/pin-rule.json' with { type: 'json' };

const SCRYPT = pinRule.scrypt;
const { min, max } = pinRule.pinDigits;
const PIN_PATTERN = new RegExp(`^\\d{${min},${max}}$`);

function usage() {
  process.stderr.write(`usage: node scripts/staff.mjs hash-pin   (PIN on stdin, ${min}-${max} digits)\n`);
  process.exit(2);
}

/** Reads one line from a terminal without echoing it. */
function readHidden() {
  return new Promise((resolve) => {
    process.stderr.write('PIN: ');
    let pin = '';
    process.stdin.setRawMode(true);
    process.stdin.setEncoding('utf8');
    const onData = (chunk) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(pin);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        pin = ch === '\u007f' ? pin.slice(0, -1) : pin + ch;
      }
    };
    process.stdin.on('data', onData);
  });
}

async function readPiped() {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

async function hashPin(pin) {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await new Promise((resolve, reject) => {
    const options = { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 256 * SCRYPT.N * SCRYPT.r + 1024 * 1024 };
    scrypt(pin, salt, SCRYPT.keyLength, options, (err, derived) => (err ? reject(err) : resolve(derived)));
  });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const [command] = process.argv.slice(2);
if (command !== 'hash-pin') usage();
const pin = (process.stdin.isTTY ? await readHidden() : await readPiped()).trim();
if (!PIN_PATTERN.test(pin)) {
  process.stderr.write(`PIN must be ${min}-${max} digits\n`);
  process.exit(1);
}
process.stdout.write(`${await hashPin(pin)}\n`);
