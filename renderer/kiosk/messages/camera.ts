import type { AreaMessages } from './types';

/** Messages of the document camera's capture in the case form (i18n keys `camera.*`). Prompts only, never personal data. */
export const cameraMessages: AreaMessages = {
  zhCN: {
    camera: {
      intro: '请把每份材料逐页放在高拍仪下拍照。每页拍完可查看，不清楚可重拍或删除。',
      title: '拍摄「{{material}}」第 {{page}} 页',
      liveLabel: '高拍仪实时画面',
      pageAlt: '「{{material}}」第 {{page}} 页（已拉正裁切）',
      pagesOf_one: '「{{material}}」已拍 {{count}} 页',
      pagesOf_other: '「{{material}}」已拍 {{count}} 页',
      captureFirst: '拍摄',
      captureMore: '再拍一页',
      remove: '删除第 {{page}} 页',
      shutter: '拍照',
      retake: '重拍',
      confirm: '确认使用',
      cancel: '返回材料清单',
      full: '本次申报最多可拍 {{count}} 页，如有更多材料请交窗口核验。',
      missingWarning_one: '还有 {{count}} 项必交材料未拍摄：{{names}}。您仍可提交，工作人员将一次性告知需补正的材料。',
      missingWarning_other: '还有 {{count}} 项必交材料未拍摄：{{names}}。您仍可提交，工作人员将一次性告知需补正的材料。',
      checking: '正在连接高拍仪…',
      status: {
        opening: '正在打开高拍仪…',
        live: '请将材料平放在高拍仪下，拿开手后将自动拍照，也可点“拍照”。',
        holdStill: '请保持不动，即将拍照…',
        processing: '正在拉正、裁切材料…',
        review: '请查看这一页是否清楚完整。',
        uncropped: '未能识别纸张边缘，已保留整个画面。请查看是否清楚，或摆正后重拍。',
        failed: '这一页没有处理成功，请重拍。',
      },
      problems: {
        no_camera: '没有找到高拍仪，请勾选您已带来的材料，提交后交窗口核验。',
        not_found: '高拍仪未连接或已断开，请勾选您已带来的材料，提交后交窗口核验。已拍的页面仍会提交。',
        denied: '本机不允许使用高拍仪，请勾选您已带来的材料，提交后交窗口核验。',
        unavailable: '高拍仪暂时无法使用，请勾选您已带来的材料，提交后交窗口核验。',
      },
      upload: {
        sending: '正在上传材料照片（{{done}}/{{total}}）…',
        failed: '材料照片上传失败，已拍的页面都还在。请点“确认提交”重试，或咨询工作人员。',
      },
    },
  },
  en: {
    camera: {
      intro: 'Lay each page of each material under the document camera. You can check every page, and retake or remove it.',
      title: '“{{material}}”, page {{page}}',
      liveLabel: 'Document camera live picture',
      pageAlt: '“{{material}}”, page {{page}} (straightened and cropped)',
      pagesOf_one: '“{{material}}”: {{count}} page taken',
      pagesOf_other: '“{{material}}”: {{count}} pages taken',
      captureFirst: 'Take a photo',
      captureMore: 'Another page',
      remove: 'Remove page {{page}}',
      shutter: 'Take photo',
      retake: 'Retake',
      confirm: 'Use this page',
      cancel: 'Back to the list',
      full: 'One application takes at most {{count}} pages; please hand any more to the counter.',
      missingWarning_one:
        '{{count}} required material not photographed: {{names}}. You can still submit; staff will tell you at once what to add.',
      missingWarning_other:
        '{{count}} required materials not photographed: {{names}}. You can still submit; staff will tell you at once what to add.',
      checking: 'Connecting to the document camera…',
      status: {
        opening: 'Opening the document camera…',
        live: 'Lay the page flat under the camera and take your hand away: the photo is taken by itself, or tap “Take photo”.',
        holdStill: 'Hold still, taking the photo…',
        processing: 'Straightening and cropping the page…',
        review: 'Check that this page is clear and complete.',
        uncropped: 'The paper’s edges were not found; the whole picture is kept. Check it, or straighten the paper and retake.',
        failed: 'This page could not be processed. Please retake it.',
      },
      problems: {
        no_camera: 'No document camera found. Tick the materials you brought and hand them to the counter after submitting.',
        not_found:
          'The document camera is not connected. Tick the materials you brought and hand them to the counter after submitting. Pages already taken are still sent.',
        denied:
          'This kiosk may not use the document camera. Tick the materials you brought and hand them to the counter after submitting.',
        unavailable:
          'The document camera cannot be used right now. Tick the materials you brought and hand them to the counter after submitting.',
      },
      upload: {
        sending: 'Uploading the material photos ({{done}}/{{total}})…',
        failed: 'The material photos could not be uploaded; every page is still here. Tap “Submit” to try again, or ask staff.',
      },
    },
  },
};
