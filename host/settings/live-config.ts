import type { HostConfig } from '../../contracts/config';
import type { HallSettingsStore } from './hall-settings';

/**
 * The host's config with the hall-owned fields (name, services, windows, hours, queue rules,
 * display, calendar) read from the hall settings at each access: the technician console changes
 * them while the host runs, and the config file only seeded them on first boot. The business
 * day's turnover hour stays the file's (see HallQueueRules).
 */
export function liveHallConfig(config: HostConfig, hall: HallSettingsStore): HostConfig {
  return {
    ...config,
    get hallName() {
      return hall.get().hallName;
    },
    get services() {
      return hall.get().services;
    },
    get windows() {
      return hall.get().windows;
    },
    get hours() {
      return hall.get().hours;
    },
    get queue() {
      return { ...hall.get().queue, dailyResetHour: config.queue.dailyResetHour };
    },
    get display() {
      return hall.get().display;
    },
    get calendar() {
      return hall.get().calendar;
    },
  };
}

/** The hall settings the config file seeds on first boot. */
export function hallSeedOf(config: HostConfig) {
  return {
    hallName: config.hallName,
    services: config.services,
    windows: config.windows,
    hours: config.hours,
    queue: config.queue,
    display: config.display,
    calendar: config.calendar,
  };
}
