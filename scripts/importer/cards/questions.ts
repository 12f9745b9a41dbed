/** Longest text still read as a question (longer ones are prose that happens to end in "?"). */
const MAX_QUESTION = 250;
/** Most sentences a question paragraph may have ("Name some distributions of linux. What is a distro?" has two). */
const MAX_SENTENCES = 3;

/** `Q:`, `Q1:` or `Question:` opening a question. */
const QUESTION_PREFIX = /^(?:Q\d*|Question(?:\s*\d+)?)\s*[:：]\s*/i;
/** `A:`, `A1:` or `Answer:` opening an answer. */
export const ANSWER_PREFIX = /^(?:A\d*|Answer)\s*[:：]\s*/i;
/** An enumeration such as `1. `, `2) `, `A. ` or `IV. ` in front of a heading. */
const ENUMERATION = /^(?:\d{1,3}|[A-Z]|[IVXLC]{1,6})[.)]\s+/;

/** A question split into its text and, for one-paragraph `Q: … A: …` pairs, the answer given on the same paragraph. */
export interface QuestionText {
  question: string;
  inlineAnswer?: string;
}

/** Text without a leading enumeration: "1. Solid unix systems administrator" → "Solid unix systems administrator". */
export function withoutEnumeration(text: string): string {
  return text.replace(ENUMERATION, '').trim();
}

/** Whether text reads as one short question: it ends in "?" and is at most a few sentences long. */
function isQuestionText(text: string): boolean {
  // Most text is no question: when there is no "?" at all the trimmed text cannot end in one, so skip the regexes.
  if (!text.includes('?')) return false;
  const trimmed = text.trim().replace(/["'”’»)\]*_]+$/, '');
  if (!trimmed.endsWith('?') || trimmed.length > MAX_QUESTION || trimmed.includes('\n')) return false;
  const sentences = trimmed.split(/[.!?]+\s+(?=\S)/).length;
  return sentences <= MAX_SENTENCES;
}

/**
 * Reads a paragraph or list-item lead as a question: `Q: …` (with an optional `A: …` line), or a short text ending
 * in "?". Returns undefined for anything else.
 */
export function readQuestion(text: string): QuestionText | undefined {
  if (QUESTION_PREFIX.test(text)) {
    const [questionLine, ...rest] = text.replace(QUESTION_PREFIX, '').split('\n');
    const answerAt = rest.findIndex((line) => ANSWER_PREFIX.test(line));
    const question = [questionLine, ...(answerAt === -1 ? rest : rest.slice(0, answerAt))].join(' ').trim();
    if (!question) return undefined;
    if (answerAt === -1) return { question };
    const inlineAnswer = rest.slice(answerAt).join('\n').replace(ANSWER_PREFIX, '').trim();
    return inlineAnswer ? { question, inlineAnswer } : { question };
  }
  return isQuestionText(text) ? { question: withoutEnumeration(text.trim()) } : undefined;
}
