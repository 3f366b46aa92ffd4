/**
 * The public half of the Hall Kiosk release key (Ed25519). The shell installs an update only
 * when release.json carries a signature this key verifies (shell-updates.ts). The private half
 * is never in the repository: the packaging step reads it from HALL_KIOSK_UPDATE_KEY_FILE or
 * HALL_KIOSK_UPDATE_KEY (scripts/sign-release.mjs). build/update-signing.pub.pem holds the same
 * key for the signer's own check; a test keeps the two equal.
 *
 * A new key (a lost or leaked private half) needs a release signed with the old one that
 * carries the new public key here; kiosks with only the old key accept nothing else.
 */
export const UPDATE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEACphvkEwKCnEXX4SAPETSB6adx6hIO08q5SdAtC3FmUg=
-----END PUBLIC KEY-----
`;
