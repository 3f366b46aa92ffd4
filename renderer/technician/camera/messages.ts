import type { AreaMessages } from '../../kiosk/messages/types';

/** Messages of the console's document camera panel (under 设备), i18n keys `techCamera.*`. */
export const techCameraMessages: AreaMessages = {
  zhCN: {
    techCamera: {
      title: '高拍仪',
      intro:
        '自助终端在“材料”一步用高拍仪逐页拍摄材料。请在自助终端本机打开控制台，查找摄像头，选中高拍仪并测试画面后点“使用此摄像头”。按名称识别，重启后无需重新选择。',
      none: '未选择高拍仪：材料一步为勾选清单',
      chosen: '当前：{{label}}',
      find: '查找摄像头',
      listLegend: '本机的摄像头',
      unnamed: '（未命名的摄像头）',
      test: '测试画面',
      stopTest: '停止测试',
      use: '使用此摄像头',
      useNone: '不使用高拍仪',
      saved: '已保存：自助终端将使用“{{label}}”。',
      savedNone: '已保存：自助终端不使用高拍仪。',
      readOnly: '值班主任只能查看；选择高拍仪须由技术人员操作。',
      previewLabel: '“{{label}}”的实时画面',
      opening: '正在打开摄像头…',
      live: '画面正常，分辨率 {{size}}',
      problems: {
        no_camera: '本机没有找到摄像头，请检查高拍仪的 USB 连接。',
        not_found: '没有找到这个名称的摄像头，请检查连接后重新查找。',
        denied: '浏览器或终端程序不允许使用摄像头。',
        unavailable: '此浏览器无法使用摄像头（须在本机或 HTTPS 下打开）。',
      },
    },
  },
  en: {
    techCamera: {
      title: 'Document camera',
      intro:
        'The kiosk photographs each page of the materials with the document camera. Open the console on the kiosk itself, find the cameras, pick the document camera, test its picture, then tap “Use this camera”. It is known by its name, so a reboot keeps the choice.',
      none: 'No document camera: the materials step is a tick list',
      chosen: 'Current: {{label}}',
      find: 'Find cameras',
      listLegend: 'Cameras of this machine',
      unnamed: '(unnamed camera)',
      test: 'Test picture',
      stopTest: 'Stop test',
      use: 'Use this camera',
      useNone: 'No document camera',
      saved: 'Saved: the kiosk uses “{{label}}”.',
      savedNone: 'Saved: the kiosk uses no document camera.',
      readOnly: 'Supervisors can only look; a technician chooses the document camera.',
      previewLabel: 'Live picture of “{{label}}”',
      opening: 'Opening the camera…',
      live: 'Picture OK, {{size}}',
      problems: {
        no_camera: 'No camera found on this machine: check the document camera’s USB cable.',
        not_found: 'No camera of this name: check the cable and find again.',
        denied: 'The browser or the kiosk program does not allow the camera.',
        unavailable: 'This browser cannot use a camera (open the console on this machine or over HTTPS).',
      },
    },
  },
};
