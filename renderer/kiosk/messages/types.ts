/** A nested table of messages; zh-CN and en must have exactly the same keys (tests/renderer/i18n checks). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** One screen area's messages in both languages, under its own top-level key. */
export interface AreaMessages {
  zhCN: MessageTree;
  en: MessageTree;
}
