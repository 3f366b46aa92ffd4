/** The lines naming each role's page on `hostUrl` (kiosk, counter, display, technician). */
export function rolePageLines(hostUrl: string): string[];
