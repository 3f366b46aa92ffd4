import type { AreaMessages } from './types';

/**
 * Messages of the kiosk's 'complaint' flow (i18n keys `complaint.*`). The form, materials,
 * confirm and done screens are the shared engine's (`case.*`); these are what differs.
 */
export const complaintMessages: AreaMessages = {
  zhCN: {
    complaint: {
      steps: {
        choose: '了解流程',
        form: '填写诉求',
        materials: '证明材料',
        confirm: '确认提交',
        done: '完成',
      },
      intro: {
        title: '营商诉求如何办理',
        pathTitle: '您的诉求将按以下流程限时办理：',
        when: {
          accepted_one: '提交后 1 个工作日内答复是否受理',
          accepted_other: '提交后 1 个工作日内答复是否受理',
          in_progress_one: '专人承办，可随时扫码或凭身份证查询进度',
          in_progress_other: '专人承办，可随时扫码或凭身份证查询进度',
          completed_one: '受理后 {{count}} 个工作日内办结并答复',
          completed_other: '受理后 {{count}} 个工作日内办结并答复',
        },
        privacy: '您的诉求内容仅用于办理和答复，不对外公开。',
        start: '我要反映诉求',
        startNamed: '反映：{{name}}',
        none: '自助终端暂不受理营商诉求，请到营商诉求窗口反映。',
      },
      materialsTitle: '有相关证明材料吗？',
      confirmTitle: '请确认诉求信息',
      doneTitle: '诉求已提交',
      number: '诉求编号',
    },
  },
  en: {
    complaint: {
      steps: {
        choose: 'How it works',
        form: 'Your complaint',
        materials: 'Evidence',
        confirm: 'Confirm',
        done: 'Done',
      },
      intro: {
        title: 'How business complaints are handled',
        pathTitle: 'Your complaint goes through these stages, each on a deadline:',
        when: {
          accepted_one: 'You hear whether it is accepted within 1 working day',
          accepted_other: 'You hear whether it is accepted within 1 working day',
          in_progress_one: 'An officer handles it; follow it any time by QR code or ID card',
          in_progress_other: 'An officer handles it; follow it any time by QR code or ID card',
          completed_one: 'Resolved and answered within {{count}} working day of acceptance',
          completed_other: 'Resolved and answered within {{count}} working days of acceptance',
        },
        privacy: 'What you tell us is used only to handle and answer your complaint; it is not published.',
        start: 'Make a complaint',
        startNamed: 'Complain: {{name}}',
        none: 'Complaints cannot be made at this kiosk; please go to the business complaints window.',
      },
      materialsTitle: 'Do you have supporting documents?',
      confirmTitle: 'Please check your complaint',
      doneTitle: 'Your complaint has been submitted',
      number: 'Complaint number',
    },
  },
};
