// electron-builder configuration (`npm run package` passes it with --config).
// A module rather than package.json's "build" key so every choice can say why, next to the
// hook and icons it names; tests/build/electron-builder-config.test.ts imports this same object,
// validates it against electron-builder's schema and checks the points below.

/** The N-API modules: one prebuilt binary per platform serves Node and Electron alike. */
export const NATIVE_MODULES = ['better-sqlite3', '@serialport/bindings-cpp', 'node-hid'];

/**
 * Production dependencies the packaged app never loads: Vite bundles them into dist/renderer.
 * (They belong in devDependencies; until they move, they are kept out of the asar here. The
 * config test fails if host/, hardware/, db/, contracts/ or electron/ ever import one, or if a
 * package that stays in the asar depends on one.)
 */
export const RENDERER_ONLY_MODULES = [
  '@fontsource/noto-sans-sc',
  '@tanstack/react-query',
  'i18next',
  'qrcode',
  'react',
  'react-dom',
  'react-i18next',
  'react-router',
];

/** @type {import('electron-builder').Configuration} */
const config = {
  // Fixed before the first release: Windows derives the NSIS uninstall GUID and the
  // AppUserModelID from it, so changing it later orphans installed kiosks.
  appId: 'org.hallkiosk.terminal',
  // Names files and folders (/opt/Hall Kiosk, Hall Kiosk.exe): ASCII keeps paths safe in
  // shells, systemd units and installers. The Chinese name goes where people read it (below).
  productName: 'Hall Kiosk',
  copyright: 'Copyright © Hall Kiosk authors',
  directories: {
    // Not dist/: that is the build output packed below.
    output: 'release',
    buildResources: 'build',
  },
  files: [
    'package.json',
    'dist/electron/**',
    'dist/host/**',
    'dist/renderer/**',
    // host/main.ts finds its migrations next to its bundle (dist/db/migrations, copied by build.mjs).
    'dist/db/migrations/**',
    // No source maps in the field. The district platform (dist/platform) is a server of its own, not packed.
    '!dist/**/*.map',
    ...RENDERER_ONLY_MODULES.map((name) => `!node_modules/${name}/**`),
    // The district platform's embedded PostgreSQL (27 MB of WebAssembly): a server's, never a kiosk's.
    '!node_modules/@electric-sql/pglite/**',
    // C/C++ sources of the native modules: their loaders read only prebuilds/ (or build/Release).
    '!node_modules/better-sqlite3/{deps,src}/**',
    '!node_modules/node-hid/{hidapi,src}/**',
    '!node_modules/@serialport/bindings-cpp/src/**',
  ],
  asar: true,
  // A .node file cannot be dlopen()ed from inside the archive: Electron loads it from
  // app.asar.unpacked. The loaders (better-sqlite3's lib/binding.js, node-gyp-build,
  // pkg-prebuilds) list and stat prebuilds/ through the asar, which sees unpacked entries.
  asarUnpack: NATIVE_MODULES.map((name) => `node_modules/${name}/**/*.node`),
  // N-API prebuilds load in Electron as they are: rebuilding would need a compiler and
  // Electron headers on the packaging machine, and would gain nothing.
  npmRebuild: false,
  buildDependenciesFromSource: false,
  // Chinese for the citizens, English for the technicians; every other locale pack is dead weight.
  electronLanguages: ['zh-CN', 'en-US'],
  // Fuses (RunAsNode off, OnlyLoadAppFromAsar on, …) are flipped and verified in this hook.
  afterPack: './build/after-pack.mjs',
  // electron-updater reads this from resources/app-update.yml. The URL is a placeholder that
  // can never resolve (.invalid, RFC 2606): the technician's update URL (https, set on the
  // machine's own console) replaces it at run time. The shell installs only what the signed
  // release.json next to latest.yml lists (`npm run package` ends with scripts/sign-release.mjs).
  publish: [{ provider: 'generic', url: 'https://updates.invalid/hall-kiosk', channel: 'latest' }],
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    // The deb installs to /opt/Hall Kiosk/hall-kiosk; build/linux/hall-kiosk.service runs that path.
    executableName: 'hall-kiosk',
    icon: 'build/icons',
    category: 'Utility',
    synopsis: '政务服务自助终端 (government service hall kiosk)',
    description: 'Self-service kiosk, queue and counters for a government service hall (政务服务自助终端).',
    // A deb must name a maintainer with an e-mail address; set the real one before release.
    maintainer: 'Hall Kiosk maintainers <hall-kiosk@example.invalid>',
    desktop: {
      entry: {
        Name: 'Hall Kiosk',
        'Name[zh_CN]': '政务服务自助终端',
        Comment: 'Government service hall kiosk',
        'Comment[zh_CN]': '政务服务大厅自助终端',
      },
    },
    // The kiosk session's unit, udev rule and instructions travel with the app
    // (resources/linux/), so a technician installs them from the machine itself.
    extraResources: [{ from: 'build/linux', to: 'linux', filter: ['hall-kiosk.service', '99-hall-kiosk.rules', 'README.md'] }],
  },
  deb: {
    // cage is the kiosk compositor of build/linux/hall-kiosk.service.
    recommends: ['cage'],
    priority: 'optional',
  },
  appImage: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
  },
  nsis: {
    // One click, per user: the kiosk account installs its own updates without a UAC prompt
    // that nobody at a kiosk could answer.
    oneClick: true,
    perMachine: false,
    shortcutName: '政务服务自助终端',
    uninstallDisplayName: '政务服务自助终端 (Hall Kiosk) ${version}',
    artifactName: '${productName}-Setup-${version}.${ext}',
    deleteAppDataOnUninstall: false,
  },
};

export default config;
