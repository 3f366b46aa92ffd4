import { describe, expect, it } from 'vitest';
import { HallSettings } from '../../../contracts/hall-settings';
import {
  dotted,
  fieldOf,
  formFromSettings,
  missingFields,
  move,
  newService,
  newWindow,
  settingsFromForm,
  shownFields,
  tabOf,
} from '../../../renderer/technician/hall/hall-form';

const settings = HallSettings.parse({
  hallName: '示范中心',
  services: [
    { code: 'one', name: '一', nameEn: 'One', prefix: 'A', slotMinutes: 30, slotLimit: 10 },
    { code: 'two', name: '二', nameEn: 'Two', prefix: 'B', hours: { mon: [{ from: '09:00', to: '12:00' }] } },
  ],
  windows: [{ number: 1, name: '一号', services: ['one', 'two'] }],
  hours: {
    mon: [
      { from: '08:30', to: '12:00' },
      { from: '12:00', to: '14:00', duty: true },
    ],
  },
  calendar: { holidays: ['2027-01-01', '2027-02-11'] },
  reviews: { rectifyWorkingDays: 7 },
});

describe('hall settings form', () => {
  it('gives back exactly the settings it was made from', () => {
    expect(HallSettings.parse(settingsFromForm(formFromSettings(settings)))).toEqual(settings);
    // A setting the form forgot would go back to its default at every save.
    expect(formFromSettings(settings).reviews.rectifyWorkingDays).toBe('7');
  });

  it('sends what the technician typed, and leaves judging it to the host', () => {
    const form = formFromSettings(settings);
    const first = form.services[0];
    if (!first) throw new Error('no service');
    first.slotMinutes = '';
    first.slotLimit = '';
    first.dailyLimit = 'many';
    first.prefix = 'c';
    form.calendar.holidays = '2027-01-01\n\n  2027-10-01 \n';
    const sent = settingsFromForm(form);
    expect(sent.services?.[0]).toMatchObject({ prefix: 'C', dailyLimit: Number.NaN });
    expect(sent.services?.[0]).not.toHaveProperty('slotMinutes', expect.anything());
    expect(sent.calendar?.holidays).toEqual(['2027-01-01', '2027-10-01']);
    // A NaN goes out as null: the host's schema refuses it on that field.
    expect(JSON.parse(JSON.stringify(sent)).services[0].dailyLimit).toBeNull();
  });

  it('checks only that required fields are filled', () => {
    const form = formFromSettings(settings);
    form.services.push(newService(form));
    form.windows.push(newWindow(form));
    expect(form.services[2]?.prefix).toBe('C');
    expect(form.windows[1]?.number).toBe('2');
    expect(missingFields(form)).toEqual([
      'services.2.code',
      'services.2.name',
      'services.2.nameEn',
      'windows.1.name',
      'windows.1.services',
    ]);
  });

  it('puts a host issue on the field it is about, or on the nearest list that is shown', () => {
    const form = formFromSettings(settings);
    const shown = shownFields(form);
    expect(fieldOf('services.1.prefix', shown)).toBe('services.1.prefix');
    expect(fieldOf('windows.0.services.1', shown)).toBe('windows.0.services');
    expect(fieldOf('services.1.hours.mon.0.to', shown)).toBe('services.1.hours.mon.0.to');
    expect(fieldOf('calendar.holidays.1', shown)).toBe('calendar.holidays');
    expect(fieldOf('hours.tue', shown)).toBe('hours.tue');
    expect(dotted('/services/0/prefix')).toBe('services.0.prefix');
    expect(tabOf('calendar.holidays')).toBe('hours');
    expect(tabOf('timeouts.kioskIdleSeconds')).toBe('rules');
  });

  it('moves a list item one place and stays in bounds', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
