import { describe, expect, it } from 'vitest';
import { HallSettings } from '../../contracts/hall-settings';
import { HostConfig } from '../../contracts/config';
import { PublicUrl, publicUrlProblem } from '../../contracts/public-url';

describe('the hall’s public address (publicUrl), where phones open the QR codes', () => {
  it('takes an https origin, or http with a port behind the hall’s proxy, and keeps it as an origin', () => {
    expect(PublicUrl.parse('https://zwfw.example.gov.cn')).toBe('https://zwfw.example.gov.cn');
    expect(PublicUrl.parse(' https://192.168.1.10:7443/ ')).toBe('https://192.168.1.10:7443');
    expect(PublicUrl.parse('http://hall-wifi.lan:8080')).toBe('http://hall-wifi.lan:8080');
    expect(PublicUrl.parse('HTTPS://Hall.Example.CN:443')).toBe('https://hall.example.cn');
  });

  it.each([
    ['hall.example.cn', 'unreadable'],
    ['ftp://hall.example.cn', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://user:secret@hall.example.cn', 'credentials'],
    ['https://hall.example.cn/ticket', 'path'],
    ['https://hall.example.cn/?x=1', 'path'],
    ['https://hall.example.cn/#top', 'path'],
    ['http://127.0.0.1:7300', 'unreachable'],
    ['https://localhost:7443', 'unreachable'],
    ['http://0.0.0.0:7443', 'unreachable'],
    ['https://[::1]:7443', 'unreachable'],
    ['https://kiosk.localhost', 'unreachable'],
  ])('refuses %s (%s)', (value, problem) => {
    expect(publicUrlProblem(value)).toBe(problem);
    expect(PublicUrl.safeParse(value).success).toBe(false);
  });

  it('is unset by default, and a hall settings document refuses a bad one', () => {
    const config = HostConfig.parse({});
    const base = {
      hallName: config.hallName,
      services: config.services,
      windows: config.windows,
      hours: config.hours,
    };
    expect(HallSettings.parse(base).publicUrl).toBeNull();
    const refused = HallSettings.safeParse({ ...base, publicUrl: 'http://127.0.0.1:7300' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['publicUrl']);
  });
});
