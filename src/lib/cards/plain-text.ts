import type { Nodes } from 'mdast';

/** Plain text of an mdast node; line breaks (`break` nodes and soft breaks) become `\n`. */
export function plainText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return '';
}
