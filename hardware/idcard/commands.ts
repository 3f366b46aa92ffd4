/**
 * The SAM module's command set: names for the CMD/PARA byte pairs, so the
 * driver and the simulator talk about `'find-card'` instead of `20 01`.
 */

/** Commands that carry no data. */
export type SimpleCommand =
  | 'reset-sam'
  | 'sam-status'
  | 'read-sam-id'
  | 'find-card'
  | 'select-card'
  | 'read-text-photo'
  | 'read-text-photo-fingerprint'
  | 'read-added-address';

/**
 * Baud rates the SAM can be switched to with `60 0n`. The PARA mapping is ours
 * (vendors differ and no public source we trust fixes it):
 * 00=115200, 01=57600, 02=38400, 03=19200, 04=9600.
 */
export type BaudRate = 115200 | 57600 | 38400 | 19200 | 9600;

export type SamCommand = SimpleCommand | { name: 'set-baud'; baud: BaudRate };

export const SIMPLE_COMMANDS: Readonly<Record<SimpleCommand, readonly [cmd: number, para: number]>> = {
  'reset-sam': [0x10, 0xff],
  'sam-status': [0x11, 0xff],
  'read-sam-id': [0x12, 0xff],
  'find-card': [0x20, 0x01],
  'select-card': [0x20, 0x02],
  'read-text-photo': [0x30, 0x01],
  'read-text-photo-fingerprint': [0x30, 0x10],
  'read-added-address': [0x30, 0x03],
};

export const SET_BAUD_CMD = 0x60;

export const BAUD_PARA: Readonly<Record<BaudRate, number>> = {
  115200: 0x00,
  57600: 0x01,
  38400: 0x02,
  19200: 0x03,
  9600: 0x04,
};

/** CMD and PARA bytes for a command. */
export function commandBytes(command: SamCommand): readonly [cmd: number, para: number] {
  if (typeof command === 'string') return SIMPLE_COMMANDS[command];
  return [SET_BAUD_CMD, BAUD_PARA[command.baud]];
}

/** A short name for health reports and errors. */
export function commandName(command: SamCommand): string {
  return typeof command === 'string' ? command : `set-baud-${command.baud}`;
}

/** The command a CMD/PARA pair names, or undefined for one the SAM would reject. */
export function identifyCommand(cmd: number, para: number): SamCommand | undefined {
  for (const [name, [c, p]] of Object.entries(SIMPLE_COMMANDS) as [SimpleCommand, readonly [number, number]][]) {
    if (c === cmd && p === para) return name;
  }
  if (cmd === SET_BAUD_CMD) {
    for (const [baud, p] of Object.entries(BAUD_PARA)) {
      if (p === para) return { name: 'set-baud', baud: Number(baud) as BaudRate };
    }
  }
  return undefined;
}
