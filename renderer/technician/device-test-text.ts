import type { TFunction } from 'i18next';
import type { DeviceTestResult } from '../../contracts/devices';

/**
 * A device test's finding in the console's language. The host answers with a code and its
 * parameters; its `detail` is one English line for its logs and is never shown here, so a
 * Chinese console never reads "成功。 printed 219 bytes".
 */
export function deviceTestText(result: DeviceTestResult, t: TFunction): string {
  const key = 'tech.tests.results';
  switch (result.code) {
    case 'printed':
      return t(`${key}.printed`, { bytes: result.params.bytes });
    case 'print_failed':
      return t(`${key}.print_failed.${result.params.reason}`);
    case 'keypad_sent': {
      const { addresses } = result.params;
      return t(`${key}.keypad_sent`, {
        count: addresses.length,
        addresses: addresses.join(t(`${key}.addressSeparator`)),
      });
    }
    case 'keypad_unbound':
      return t(`${key}.keypad_unbound`);
    case 'keypad_failed':
      return t(`${key}.keypad_failed`);
    case 'screen_shown':
      return t(`${key}.screen_shown`);
    case 'screen_failed':
      return t(`${key}.screen_failed.${result.params.failure ?? 'unknown'}`);
    case 'card_read':
      return t(`${key}.card_read`);
    case 'no_card':
      return result.params.samId === null ? t(`${key}.no_card_unknown_sam`) : t(`${key}.no_card`, { samId: result.params.samId });
    case 'reader_not_ready':
      // The reader's state in the words the device card uses for it.
      return t(`${key}.reader_not_ready`, { state: t(`tech.states.${result.params.state}.label`) });
    case 'not_a_test':
      return t(`${key}.not_a_test`);
  }
}
