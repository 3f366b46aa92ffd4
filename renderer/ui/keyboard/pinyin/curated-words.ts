/**
 * Words the kiosk's forms need early whatever their frequency in general text: the types of firm
 * a citizen registers (企业开办) and the parts of an address. Written with their readings so a
 * polyphonic character never picks the wrong one.
 */
export interface CuratedWord {
  readonly text: string;
  readonly syllables: readonly string[];
}

const word = (text: string, pinyin: string): CuratedWord => ({ text, syllables: pinyin.split(' ') });

/** Kinds of firm and the words of a firm's name and registration: offered first ('yxgs' → 有限公司). */
export const COMPANY_WORDS: readonly CuratedWord[] = [
  word('有限责任公司', 'you xian ze ren gong si'),
  word('有限公司', 'you xian gong si'),
  word('股份有限公司', 'gu fen you xian gong si'),
  word('个体工商户', 'ge ti gong shang hu'),
  word('分公司', 'fen gong si'),
  word('合伙企业', 'he huo qi ye'),
  word('有限合伙', 'you xian he huo'),
  word('个人独资企业', 'ge ren du zi qi ye'),
  word('农民专业合作社', 'nong min zhuan ye he zuo she'),
  word('集团', 'ji tuan'),
  word('科技', 'ke ji'),
  word('商贸', 'shang mao'),
  word('贸易', 'mao yi'),
  word('实业', 'shi ye'),
  word('工作室', 'gong zuo shi'),
  word('经营部', 'jing ying bu'),
  word('法定代表人', 'fa ding dai biao ren'),
  word('统一社会信用代码', 'tong yi she hui xin yong dai ma'),
  word('营业执照', 'ying ye zhi zhao'),
  word('经营范围', 'jing ying fan wei'),
  word('注册资本', 'zhu ce zi ben'),
];

/** The parts of an address: among the first few candidates of their syllable ('qu' → 区). */
export const ADDRESS_WORDS: readonly CuratedWord[] = [
  word('省', 'sheng'),
  word('市', 'shi'),
  word('区', 'qu'),
  word('县', 'xian'),
  word('镇', 'zhen'),
  word('乡', 'xiang'),
  word('村', 'cun'),
  word('街道', 'jie dao'),
  word('街', 'jie'),
  word('路', 'lu'),
  word('大街', 'da jie'),
  word('大道', 'da dao'),
  word('巷', 'xiang'),
  word('号', 'hao'),
  word('号楼', 'hao lou'),
  word('小区', 'xiao qu'),
  word('社区', 'she qu'),
  word('单元', 'dan yuan'),
  word('室', 'shi'),
  word('栋', 'dong'),
  word('楼', 'lou'),
  word('层', 'ceng'),
];
