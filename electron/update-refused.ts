/** Why the shell would not take an update; the message goes to the technician's update status. */
export type UpdateRefusal =
  'insecure_feed' | 'bad_metadata' | 'bad_signature' | 'version_mismatch' | 'insecure_download' | 'installer_mismatch';

/** An update the shell refused: nothing is installed and the running version stays. */
export class UpdateRefused extends Error {
  override readonly name = 'UpdateRefused';
  constructor(
    readonly reason: UpdateRefusal,
    detail: string,
  ) {
    super(`update refused (${reason}): ${detail}`);
  }
}
