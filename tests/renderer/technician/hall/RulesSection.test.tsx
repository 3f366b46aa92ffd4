import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { HallSettings } from '../../../../contracts/hall-settings';
import { HallFormContext } from '../../../../renderer/technician/hall/HallField';
import { formFromSettings, settingsFromForm, type HallForm } from '../../../../renderer/technician/hall/hall-form';
import { RulesSection } from '../../../../renderer/technician/hall/RulesSection';
import { fakeApi } from '../../support/fake-api';
import { renderScreen } from '../../support/render';

const settings = HallSettings.parse({
  hallName: '示范中心',
  services: [{ code: 'one', name: '一', nameEn: 'One', prefix: 'A' }],
  windows: [{ number: 1, name: '一号', services: ['one'] }],
  hours: { mon: [{ from: '08:30', to: '17:00' }] },
  timeouts: { kioskIdleSeconds: 90 },
  reviews: { rectifyWorkingDays: 7 },
});

/** The rules tab over a form of its own, with `errors` as the host's refusals by field; returns the latest form. */
function rules(errors: Record<string, string> = {}) {
  const latest: { form: HallForm } = { form: formFromSettings(settings) };
  function Tab() {
    const [form, setForm] = useState(latest.form);
    const update = (change: (draft: HallForm) => void) =>
      setForm((current) => {
        const draft = structuredClone(current);
        change(draft);
        latest.form = draft;
        return draft;
      });
    return (
      <HallFormContext.Provider value={{ form, update, errors, readOnly: false }}>
        <RulesSection />
      </HallFormContext.Provider>
    );
  }
  renderScreen(<Tab />, fakeApi());
  return latest;
}

describe('the hall rules’ number settings', () => {
  it('shows each number with its label and hint, and writes a change back to its own setting', () => {
    const latest = rules();
    const idle = screen.getByLabelText('自助终端首页无操作退出（秒）') as HTMLInputElement;
    expect(idle.value).toBe('90');
    expect(idle.inputMode).toBe('numeric');
    fireEvent.change(idle, { target: { value: '120' } });
    fireEvent.change(screen.getByLabelText('差评整改反馈时限（工作日）'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('排到几位之后'), { target: { value: '4' } });
    expect(settingsFromForm(latest.form)).toMatchObject({
      timeouts: { kioskIdleSeconds: 120 },
      reviews: { rectifyWorkingDays: 5 },
      queue: { skipRequeue: { afterPlaces: 4 } },
    });
  });

  it('sets the kiosks’ voice volume for a quiet hall (0 for silence), saved in the hall settings', () => {
    const latest = rules();
    const volume = screen.getByLabelText('语音提示音量（%）') as HTMLInputElement;
    expect(volume.value).toBe('100');
    expect(screen.getByText(/0 为静音/)).toBeTruthy();
    fireEvent.change(volume, { target: { value: '0' } });
    expect(settingsFromForm(latest.form)).toMatchObject({ kioskVoice: { volumePercent: 0 } });
    fireEvent.change(volume, { target: { value: '35' } });
    expect(HallSettings.parse(settingsFromForm(latest.form)).kioskVoice.volumePercent).toBe(35);
  });

  it('ties the host’s refusal of a setting to its field, by the contract’s name', () => {
    rules({ 'queue.skipRequeue.maxTimes': '须为 0–10 的整数。' });
    const field = screen.getByLabelText('最多重新排队几次');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('须为 0–10 的整数。');
  });
});
