import type { Content } from '../../src/content/load-content';

/** Where the content files are, as problems name them (relative to the project root). */
export interface ContentFolders {
  readonly knowledge: string;
  readonly dialogs: string;
}

export const DEFAULT_FOLDERS: ContentFolders = { knowledge: 'knowledge', dialogs: 'dialogs' };

/** One piece of text the bot shows, with what it cites and whether its reply says what has changed. */
export interface ContentText {
  readonly file: string;
  /** The field inside the file: `answer`, `nodes.phone-none.text`, `helpdeskNote`. */
  readonly path: string;
  readonly text: string;
  readonly kind: 'article' | 'flow-node' | 'texts' | 'helpdesk-card' | 'helpdesk' | 'intent';
  /** The source ids that stand behind it; undefined where the file has no way to cite. */
  readonly sources?: readonly string[];
  /** The reply carrying it says that sign-in has since moved to ID.me. */
  readonly saysWhatChanged: boolean;
}

export const articleFile = (folders: ContentFolders, id: string) => `${folders.knowledge}/articles/${id}.yaml`;
export const flowFile = (folders: ContentFolders, id: string) => `${folders.dialogs}/${id}.yaml`;

/** The texts.yaml sentences the help-desk card is made of (it cites helpdesk.yaml's sources). */
export const CARD_TEXT_KEYS = [
  'helpdeskTitle',
  'helpdeskHours',
  'helpdeskHoursLocal',
  'helpdeskStepsTitle',
  'helpdeskHaveReadyTitle',
  'helpdeskNote',
  'helpdeskCallLabel',
] as const;

/**
 * Every sentence the bot can show, each with its file and field: article answers, flow node
 * texts (questions and labels included), texts.yaml, the help-desk card and templates, and the
 * small-talk replies. Questions people type are not included: the bot never says them.
 */
export function contentTexts(content: Content, folders: ContentFolders = DEFAULT_FOLDERS): ContentText[] {
  const texts: ContentText[] = [];
  for (const article of content.articles.values()) {
    texts.push({
      file: articleFile(folders, article.id),
      path: 'answer',
      text: article.answer,
      kind: 'article',
      sources: article.sources,
      saysWhatChanged: article.historical,
    });
  }
  for (const flow of content.flows.values()) {
    const file = flowFile(folders, flow.id);
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.kind === 'ask') {
        texts.push({ file, path: `nodes.${id}.text`, text: node.text, kind: 'flow-node', saysWhatChanged: false });
        node.choices.forEach((choice, index) =>
          texts.push({
            file,
            path: `nodes.${id}.choices[${index}].label`,
            text: choice.label,
            kind: 'flow-node',
            saysWhatChanged: false,
          }),
        );
      } else if (node.kind === 'date') {
        texts.push({ file, path: `nodes.${id}.text`, text: node.text, kind: 'flow-node', saysWhatChanged: false });
      } else if ((node.kind === 'say' || node.kind === 'handoff' || node.kind === 'end') && node.text) {
        texts.push({
          file,
          path: `nodes.${id}.text`,
          text: node.text,
          kind: 'flow-node',
          sources: node.sources ?? [],
          // A handoff's card carries texts.helpdeskNote, which says it.
          saysWhatChanged: node.historical || node.kind === 'handoff',
        });
      }
    }
  }
  const textsFile = `${folders.knowledge}/texts.yaml`;
  const cardKeys = new Set<string>(CARD_TEXT_KEYS);
  for (const [key, value] of Object.entries(content.texts)) {
    if (typeof value !== 'string' || cardKeys.has(key)) continue;
    texts.push({ file: textsFile, path: key, text: value, kind: 'texts', saysWhatChanged: false });
  }
  texts.push(...helpdeskTexts(content, folders));
  const intentsFile = `${folders.knowledge}/intents.yaml`;
  content.intents.forEach((intent, index) => {
    texts.push({
      file: intentsFile,
      path: `intents[${index}].reply`,
      text: intent.reply,
      kind: 'intent',
      saysWhatChanged: false,
    });
    if (intent.aside)
      texts.push({
        file: intentsFile,
        path: `intents[${index}].aside`,
        text: intent.aside,
        kind: 'intent',
        saysWhatChanged: false,
      });
  });
  return texts;
}

/**
 * The help-desk card as one text (what it shows stands on helpdesk.yaml's `sources`, and its
 * note says what has changed), then each help-desk sentence on its own for the wording rules.
 */
function helpdeskTexts(content: Content, folders: ContentFolders): ContentText[] {
  const { helpdesk, texts } = content;
  const file = `${folders.knowledge}/helpdesk.yaml`;
  const cardParts = [
    ...CARD_TEXT_KEYS.map((key) => texts[key]),
    ...Object.values(helpdesk.templates),
    ...helpdesk.menuSteps,
    ...helpdesk.haveReady,
    helpdesk.tryOnlineFirst,
  ];
  const card: ContentText = {
    file,
    path: 'sources',
    text: cardParts.join('\n'),
    kind: 'helpdesk-card',
    sources: helpdesk.sources,
    saysWhatChanged: /ID\.me/.test(texts.helpdeskNote),
  };
  const single = (path: string, text: string, textsFile = false): ContentText => ({
    file: textsFile ? `${folders.knowledge}/texts.yaml` : file,
    path,
    text,
    kind: 'helpdesk',
    sources: helpdesk.sources,
    saysWhatChanged: card.saysWhatChanged,
  });
  return [
    card,
    ...CARD_TEXT_KEYS.map((key) => single(key, texts[key], true)),
    ...Object.entries(helpdesk.templates).map(([key, text]) => single(`templates.${key}`, text)),
    ...helpdesk.menuSteps.map((text, index) => single(`menuSteps[${index}]`, text)),
    ...helpdesk.haveReady.map((text, index) => single(`haveReady[${index}]`, text)),
    single('tryOnlineFirst', helpdesk.tryOnlineFirst),
    single('assumption', helpdesk.assumption),
  ];
}
