import type { AreaMessages } from '../../kiosk/messages/types';

/**
 * Messages of the console's backups screen, i18n keys `techBackups.*`: added to i18next when the
 * console's code loads (BackupsScreen.tsx `addAreaMessages`), like the manager console's.
 */
export const techBackupsMessages: AreaMessages = {
  zhCN: {
    techBackups: {
      title: '数据备份',
      refresh: '刷新',
      intro:
        '本机数据库每晚自动备份到「本机设置」中的备份文件夹，并逐页检查备份是否完好。可随时立即备份；恢复前先预演，说明恢复会改变什么。',
      verdict: {
        ok: '最近一次备份 {{at}}，已通过检查。',
        failed: '最近一次备份失败（{{at}}）：{{reason}}',
        none: '已设置备份文件夹，尚未备份。',
        'not-configured': '尚未设置备份文件夹：本机数据没有备份。请在「本机设置」中设置。',
      },
      failures: {
        'folder-missing': '备份文件夹不存在或未插入（U 盘、网络共享）。',
        'folder-unwritable': '备份文件夹不能写入（只读或没有权限）。',
        'write-failed': '备份写入失败（空间不足或读写错误）。',
        'check-failed': '备份未通过检查：本机数据库可能已损坏，请尽快联系技术人员。',
      },
      folder: '备份文件夹',
      noFolder: '未设置',
      folderExplain: '在「本机设置」中修改，只能在本机上修改。',
      lastSuccess: '最近成功备份',
      never: '从未',
      next: '下次自动备份',
      running: '正在备份…',
      backUpNow: '立即备份',
      made: '备份完成，已通过检查。',
      lastRestore: {
        restored: '上次恢复：{{at}}，由 {{by}} 从 {{backup}} 恢复；{{entries}} 条未上报的记录已转入；原数据库保留为 {{kept}}。',
        aborted: '上次恢复未进行（{{at}}，{{backup}}）：当前数据库无法读取而未确认，仍使用原数据库。',
      },
      list: '备份列表',
      empty: '备份文件夹中还没有本大厅的备份。',
      dryRunning: '正在预演恢复（复制并检查备份）…',
      columns: { date: '备份时间', size: '大小', check: '检查结果', madeBy: '来源', action: '操作' },
      checks: { ok: '完好', corrupt: '已损坏', unreadable: '无法读取', none: '未检查（备份中断）' },
      madeHere: '本机',
      madeElsewhere: '本大厅其他终端',
      restore: '恢复…',
      restoreOf: '预演恢复 {{date}} 的备份',
      errors: {
        backup_unavailable: '无法备份或读取备份：{{detail}}',
        backup_busy: '正在备份或恢复，请稍候再试。',
        backup_refused: '该备份不能恢复（见预演结果）。',
        restore_unacknowledged: '当前数据库无法读取：请先勾选确认，再恢复。',
        not_found: '备份文件夹中已没有这个备份，请刷新。',
      },
      refusals: {
        corrupt: '备份文件已损坏（检查未通过，或与备份时的校验值不符）。',
        unreadable: '备份文件无法读取。',
        newer: '备份来自更新的程序版本，本机程序无法使用，请先升级本机。',
        'other-hall': '备份属于其他大厅（{{backup}}），本机是 {{here}}。',
      },
      preview: {
        title: '恢复预演：{{date}} 的备份',
        refused: '不能恢复此备份：',
        fine: '备份完好，可以恢复。恢复会改变以下内容：',
        check: '检查结果',
        version: '数据版本：备份 {{backup}}，本机程序 {{build}}',
        ticketsToday: '今日取号',
        compare: '备份中 {{backup}}，现在 {{now}}',
        cases: '办件',
        sinceCases:
          '备份之后的办件有 {{missing}} 件不在备份中：其中 {{delivered}} 件已上报省平台（留在省平台，本机不再保留），{{carried}} 件尚未上报，将转入恢复后的数据库继续上报。',
        sinceEvaluations:
          '备份之后的评价有 {{missing}} 条不在备份中：其中 {{delivered}} 条已上报，{{carried}} 条尚未上报，将转入恢复后的数据库。',
        sinceCasesNone: '备份之后没有新的办件：办件不受影响。',
        sinceEvaluationsNone: '备份之后没有新的评价。',
        sinceOther: '另有 {{count}} 条未上报的统计数据将转入。',
        unreadable:
          '当前数据库已损坏，无法读取：备份之后保存的内容（包括尚未上报的办件和评价）无法转入，只会留在保留的旧数据库文件中，需要专业人员处理。',
        accept: '我已知晓，仍然恢复',
        numbering: '今天已打印的最大号码：{{numbers}}。恢复后取号从这些号码之后继续，不会重复。',
        numberingNone: '今天尚未打印号码。',
        howItGoes: '确认后主机会重启（约数秒），大厅各屏幕自动重新连接，工作人员需要重新登录。当前数据库保留在数据文件夹中。',
        confirm: '确认恢复',
        cancel: '取消',
        restarting: '正在恢复，主机正在重启，稍后请重新登录。原数据库保留为 {{kept}}。',
      },
    },
  },
  en: {
    techBackups: {
      title: 'Backups',
      refresh: 'Refresh',
      intro:
        'This machine’s database is backed up every night to the backup folder set under This terminal, and each backup is checked page by page. Back up now at any time; a restore is rehearsed first and tells what it would change.',
      verdict: {
        ok: 'Last backup {{at}}, checked and sound.',
        failed: 'The last backup failed ({{at}}): {{reason}}',
        none: 'A backup folder is set; no backup yet.',
        'not-configured': 'No backup folder is set: this machine’s data has no backup. Set one under This terminal.',
      },
      failures: {
        'folder-missing': 'The backup folder is missing or not plugged in (USB disk, network share).',
        'folder-unwritable': 'The backup folder cannot be written (read-only or no permission).',
        'write-failed': 'Writing the backup failed (no space left or a read/write error).',
        'check-failed': 'The backup failed its check: this machine’s database may be damaged. Call a technician soon.',
      },
      folder: 'Backup folder',
      noFolder: 'Not set',
      folderExplain: 'Changed under This terminal, at this machine only.',
      lastSuccess: 'Last good backup',
      never: 'Never',
      next: 'Next nightly backup',
      running: 'Backing up…',
      backUpNow: 'Back up now',
      made: 'Backup made and checked.',
      lastRestore: {
        restored:
          'Last restore: {{at}}, by {{by}}, from {{backup}}; {{entries}} undelivered records carried over; the previous database is kept as {{kept}}.',
        aborted:
          'The last restore did not happen ({{at}}, {{backup}}): the current database could not be read and that was not confirmed; it is still in use.',
      },
      list: 'Backups',
      empty: 'No backup of this hall in the backup folder yet.',
      dryRunning: 'Rehearsing the restore (copying and checking the backup)…',
      columns: { date: 'Made', size: 'Size', check: 'Check', madeBy: 'Made by', action: 'Action' },
      checks: { ok: 'Sound', corrupt: 'Damaged', unreadable: 'Unreadable', none: 'Not checked (cut short)' },
      madeHere: 'This machine',
      madeElsewhere: 'Another terminal of this hall',
      restore: 'Restore…',
      restoreOf: 'Rehearse restoring the backup of {{date}}',
      errors: {
        backup_unavailable: 'Cannot back up or read the backup: {{detail}}',
        backup_busy: 'A backup or restore is under way; try again shortly.',
        backup_refused: 'This backup cannot be restored (see the rehearsal).',
        restore_unacknowledged: 'The current database cannot be read: tick the confirmation first.',
        not_found: 'That backup is no longer in the folder; refresh.',
      },
      refusals: {
        corrupt: 'The backup file is damaged (it failed its check, or differs from its checksum at backup).',
        unreadable: 'The backup file cannot be read.',
        newer: 'The backup comes from a newer version of the program; update this machine first.',
        'other-hall': 'The backup belongs to another hall ({{backup}}); this is {{here}}.',
      },
      preview: {
        title: 'Restore rehearsal: the backup of {{date}}',
        refused: 'This backup cannot be restored:',
        fine: 'The backup is sound and can be restored. Restoring it changes this:',
        check: 'Check',
        version: 'Data version: backup {{backup}}, this program {{build}}',
        ticketsToday: 'Today’s tickets',
        compare: '{{backup}} in the backup, {{now}} now',
        cases: 'Cases',
        sinceCases:
          '{{missing}} cases made since the backup are not in it: {{delivered}} reached the central platform (they stay there; this machine no longer keeps them), {{carried}} did not yet and are carried into the restored database to be sent.',
        sinceEvaluations:
          '{{missing}} ratings made since the backup are not in it: {{delivered}} were sent, {{carried}} were not yet and are carried into the restored database.',
        sinceCasesNone: 'No case was made since the backup: cases are not affected.',
        sinceEvaluationsNone: 'No rating was made since the backup.',
        sinceOther: '{{count}} more undelivered figures are carried over.',
        unreadable:
          'The current database is damaged and cannot be read: what was saved since the backup (undelivered cases and ratings included) cannot be carried over; it stays only in the kept old database file, for a specialist.',
        accept: 'I understand; restore anyway',
        numbering: 'Highest numbers printed today: {{numbers}}. After the restore numbering goes on after them, never twice.',
        numberingNone: 'No number printed today yet.',
        howItGoes:
          'On confirmation the host restarts (a few seconds); the hall’s screens reconnect by themselves and staff sign in again. The current database is kept in the data folder.',
        confirm: 'Restore',
        cancel: 'Cancel',
        restarting: 'Restoring: the host is restarting; sign in again shortly. The previous database is kept as {{kept}}.',
      },
    },
  },
};
