/**
 * Node view models: what each node kind shows (caption, title, subtitle, chips, operator glyph)
 * and how big its box is, measured with canvas text metrics before layout.
 * Pure with respect to the DOM except for the shared canvas measurer.
 */
import type { Workflow, WorkflowNode } from '../model/types.js';
import type { NodeSize } from '../layout/types.js';
import { displayText, fitText, sharedMeasurer, tooltipText, type TextMeasurer } from './text.js';
import { streamTypeLabel, portName } from './port-labels.js';
import { DEFAULT_FONT_FAMILY, DEFAULT_MONO_FAMILY } from '../theming/tokens.js';
import type { GlyphName } from './glyphs.js';

/** How a node is drawn. */
export type NodeVariant = 'card' | 'operator' | 'group';

/** Style family of a node (CSS class `kind-<family>` and accent colour). */
export type NodeFamily =
  | 'args'
  | 'returns'
  | 'action'
  | 'filter'
  | 'reactive'
  | 'group'
  | 'unknown';

export interface NodeView {
  readonly id: string;
  readonly node: WorkflowNode;
  readonly variant: NodeVariant;
  readonly family: NodeFamily;
  readonly glyph: GlyphName;
  /** Short uppercase caption above the title ("ACTION · GENERATOR"). */
  readonly caption: string;
  /** Display title, fitted to the box. */
  readonly title: string;
  /** Secondary line, fitted to the box (description, port types). */
  readonly subtitle: string;
  /** Small chips at the bottom of a card (map strategy, Conditional). */
  readonly chips: readonly string[];
  /** Accessible name: kind and title, untruncated (capped). */
  readonly accessibleName: string;
  /** Longer description for a tooltip / aria-description. */
  readonly details: string;
  /** Text of a warning badge (unknown kinds), empty when none. */
  readonly warning: string;
  readonly width: number;
  readonly height: number;
}

/** Box metrics shared by measurement and templates (CSS pixels at zoom 1). */
export const METRICS = {
  padX: 12,
  padTop: 10,
  padBottom: 10,
  captionSize: 10,
  captionLine: 14,
  titleSize: 13,
  titleLine: 18,
  bodySize: 11,
  bodyLine: 16,
  chipHeight: 18,
  chipGap: 4,
  chipPadX: 6,
  chipTop: 6,
  iconSize: 14,
  cardMinWidth: 176,
  cardMaxWidth: 272,
  operatorHeight: 36,
  operatorMinWidth: 64,
  operatorMaxWidth: 200,
  groupMinWidth: 280,
  groupMinHeight: 180,
  groupHeader: 44,
  handleSpacing: 18,
} as const;

/** CSS font shorthands used for measuring (and by the templates through the same sizes). */
export interface NodeFonts {
  readonly caption: string;
  readonly title: string;
  readonly body: string;
  readonly operator: string;
  readonly chip: string;
}

/** Fonts for a family string (the host's `--fluss-font-family`, resolved at measure time). */
export function nodeFonts(family = DEFAULT_FONT_FAMILY, mono = DEFAULT_MONO_FAMILY): NodeFonts {
  return {
    caption: `600 ${METRICS.captionSize}px ${family}`,
    title: `600 ${METRICS.titleSize}px ${family}`,
    body: `400 ${METRICS.bodySize}px ${family}`,
    operator: `600 12px ${mono}`,
    chip: `500 ${METRICS.captionSize}px ${family}`,
  };
}

const REACTIVE_NAMES = new Map<string, string>([
  ['ZIP', 'Zip'],
  ['WITHLATEST', 'With latest'],
  ['COMBINELATEST', 'Combine latest'],
  ['GATE', 'Gate'],
  ['BUFFER_COMPLETE', 'Buffer all'],
  ['BUFFER_COUNT', 'Buffer'],
  ['BUFFER_UNTIL', 'Buffer until'],
  ['CHUNK', 'Chunk'],
  ['SPLIT', 'Split'],
  ['OMIT', 'Omit'],
  ['ENSURE', 'Ensure'],
  ['FILTER', 'Filter'],
  ['ADD', 'Add'],
  ['SUBTRACT', 'Subtract'],
  ['MULTIPLY', 'Multiply'],
  ['DIVIDE', 'Divide'],
  ['MODULO', 'Modulo'],
  ['POWER', 'Power'],
  ['PREFIX', 'Prefix'],
  ['SUFFIX', 'Suffix'],
  ['JUST', 'Just'],
  ['SELECT', 'Select'],
  ['REORDER', 'Reorder'],
  ['TO_LIST', 'To list'],
  ['FOREACH', 'For each'],
  ['IF', 'If'],
  ['AND', 'And'],
  ['ALL', 'All'],
  ['DELAY', 'Delay'],
  ['DELAY_UNTIL', 'Delay until'],
]);

const ARITHMETIC_SYMBOL = new Map<string, string>([
  ['ADD', '+'],
  ['SUBTRACT', '−'],
  ['MULTIPLY', '×'],
  ['DIVIDE', '÷'],
  ['MODULO', 'mod'],
  ['POWER', '^'],
]);

const REACTIVE_GLYPH = new Map<string, GlyphName>([
  ['ZIP', 'zip'],
  ['WITHLATEST', 'with-latest'],
  ['COMBINELATEST', 'combine-latest'],
  ['GATE', 'gate'],
  ['BUFFER_COMPLETE', 'buffer'],
  ['BUFFER_COUNT', 'buffer'],
  ['BUFFER_UNTIL', 'buffer'],
  ['CHUNK', 'chunk'],
  ['SPLIT', 'split'],
  ['FILTER', 'filter'],
  ['TO_LIST', 'buffer'],
  ['DELAY', 'clock'],
  ['DELAY_UNTIL', 'clock'],
  ['JUST', 'constant'],
  ['SELECT', 'select'],
  ['REORDER', 'select'],
  ['OMIT', 'omit'],
]);

/** Human name of a reactive implementation (`COMBINELATEST` -> "Combine latest"). */
export function reactiveName(implementation: string | undefined): string {
  if (!implementation) return 'Reactive';
  const known = REACTIVE_NAMES.get(implementation.toUpperCase());
  if (known) return known;
  const s = implementation.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function constantText(node: WorkflowNode, ...keys: string[]): string {
  for (const key of keys) {
    if (node.constantsMap.has(key)) {
      const v = node.constantsMap.get(key);
      if (v !== undefined && v !== null && v !== '') return displayText(v, 24);
    }
  }
  return '';
}

/** The short operator text of a reactive node ("+ 1", "Buffer 10", "Just 5", "Select x"). */
export function operatorLabel(node: WorkflowNode): string {
  const impl = (node.implementation ?? '').toUpperCase();
  const symbol = ARITHMETIC_SYMBOL.get(impl);
  if (symbol) {
    const v = constantText(node, 'value', 'number');
    return v ? `${symbol} ${v}` : `${symbol} ${impl === 'ADD' || impl === 'SUBTRACT' ? '1' : 'n'}`;
  }
  switch (impl) {
    case 'PREFIX': {
      const v = constantText(node, 'value');
      return v ? `Prefix “${v}”` : 'Prefix';
    }
    case 'SUFFIX': {
      const v = constantText(node, 'value');
      return v ? `Suffix “${v}”` : 'Suffix';
    }
    case 'JUST': {
      const v = constantText(node, 'value');
      return v ? `Just ${v}` : 'Just';
    }
    case 'BUFFER_COUNT': {
      const v = constantText(node, 'count');
      return v ? `Buffer ${v}` : 'Buffer';
    }
    case 'CHUNK': {
      const it = constantText(node, 'iterations');
      return it && it !== '1' ? `Chunk ×${it}` : 'Chunk';
    }
    case 'SELECT': {
      const raw = node.constantsMap.get('i') ?? node.constantsMap.get('index');
      const i = typeof raw === 'number' && Number.isInteger(raw) ? raw : -1;
      const port = i >= 0 ? node.voids[i] : undefined;
      if (port) return `Select ${displayText(portName(port), 20)}`;
      return i >= 0 ? `Select #${i}` : 'Select';
    }
    default:
      return reactiveName(node.implementation);
  }
}

function familyOf(node: WorkflowNode): NodeFamily {
  switch (node.kind) {
    case 'args':
    case 'kwargs':
      return 'args';
    case 'returns':
      return 'returns';
    case 'rekuest-map':
    case 'local':
      return 'action';
    case 'rekuest-filter':
      return 'filter';
    case 'reactive':
      return 'reactive';
    case 'agent-subflow':
      return 'group';
    case 'subgraph':
      return 'action';
    default:
      return 'unknown';
  }
}

/** Accessible kind name used in names and descriptions. */
export function kindName(node: WorkflowNode): string {
  switch (node.kind) {
    case 'args':
      return 'Inputs';
    case 'kwargs':
      return 'Keyword inputs';
    case 'returns':
      return 'Outputs';
    case 'rekuest-map':
      return 'Action';
    case 'local':
      return 'Local action';
    case 'rekuest-filter':
      return 'Conditional action';
    case 'reactive':
      return `${reactiveName(node.implementation)} operator`;
    case 'agent-subflow':
      return 'Agent group';
    case 'subgraph':
      return 'Subflow';
    default:
      return 'Unknown node';
  }
}

function joinStreams(streams: readonly (readonly unknown[])[]): string {
  return streams
    .filter((s) => s.length > 0)
    .map((s) => streamTypeLabel(s as Parameters<typeof streamTypeLabel>[0]))
    .join(' · ');
}

function groupLabel(node: WorkflowNode): string {
  const app = node.agentFilter?.app ? displayText(node.agentFilter.app, 60) : 'any';
  const version = node.agentFilter?.version ? `:v${displayText(node.agentFilter.version, 20)}` : '';
  return `${app}${version}`;
}

interface TextPlan {
  variant: NodeVariant;
  family: NodeFamily;
  glyph: GlyphName;
  caption: string;
  title: string;
  subtitle: string;
  chips: string[];
  warning: string;
}

function plan(node: WorkflowNode): TextPlan {
  const family = familyOf(node);
  const title = displayText(node.title);
  const description = displayText(node.description);
  const usefulDescription = description && description.toLowerCase() !== 'no description' ? description : '';
  switch (node.kind) {
    case 'args':
    case 'kwargs': {
      const types = joinStreams(node.outs);
      return {
        variant: 'card',
        family,
        glyph: 'inputs',
        caption: node.kind === 'kwargs' ? 'KEYWORD INPUTS' : 'FLOW INPUTS',
        title: node.kind === 'kwargs' ? 'Keyword inputs' : 'Inputs',
        subtitle: types || 'No arguments',
        chips: [],
        warning: '',
      };
    }
    case 'returns': {
      const types = joinStreams(node.ins);
      return {
        variant: 'card',
        family,
        glyph: 'outputs',
        caption: 'FLOW OUTPUTS',
        title: 'Outputs',
        subtitle: types || 'No results',
        chips: [],
        warning: '',
      };
    }
    case 'rekuest-map':
    case 'rekuest-filter':
    case 'local':
    case 'subgraph': {
      const actionKind = node.action?.actionKind ? displayText(node.action.actionKind, 16).toUpperCase() : '';
      const isGenerator = actionKind === 'GENERATOR';
      const captionHead = node.kind === 'rekuest-filter' ? 'FILTER' : node.kind === 'local' ? 'LOCAL' : node.kind === 'subgraph' ? 'SUBFLOW' : 'ACTION';
      const chips: string[] = [];
      if (node.kind === 'rekuest-filter') chips.push('Conditional');
      const strategy = node.action?.mapStrategy ? displayText(node.action.mapStrategy, 20) : '';
      if (strategy) chips.push(strategy.toUpperCase().replace(/_/g, ' '));
      if (node.action?.retries !== undefined && node.action.retries > 0) chips.push(`${node.action.retries} retries`);
      return {
        variant: 'card',
        family,
        glyph: node.kind === 'rekuest-filter' ? 'filter' : isGenerator ? 'generator' : 'function',
        caption: actionKind ? `${captionHead} · ${actionKind}` : captionHead,
        title: title || 'Untitled action',
        subtitle: usefulDescription,
        chips,
        warning: '',
      };
    }
    case 'reactive':
      return {
        variant: 'operator',
        family,
        glyph: REACTIVE_GLYPH.get((node.implementation ?? '').toUpperCase()) ?? (ARITHMETIC_SYMBOL.has((node.implementation ?? '').toUpperCase()) ? 'none' : 'operator'),
        caption: '',
        title: operatorLabel(node),
        subtitle: '',
        chips: [],
        warning: '',
      };
    case 'agent-subflow':
      return {
        variant: 'group',
        family,
        glyph: 'agent',
        caption: 'AGENT',
        title: groupLabel(node),
        subtitle: usefulDescription,
        chips: node.agentFilter?.autoResolvable ? ['Auto-resolvable'] : [],
        warning: '',
      };
    default:
      return {
        variant: 'card',
        family: 'unknown',
        glyph: 'unknown',
        caption: 'UNKNOWN KIND',
        title: title || displayText(node.typename) || 'Unknown node',
        subtitle: displayText(node.typename) ? `Type “${displayText(node.typename, 40)}” is not supported` : 'Node type is not supported',
        chips: [],
        warning: 'Unknown node kind',
      };
  }
}

function detailsOf(node: WorkflowNode): string {
  const parts: string[] = [];
  const description = tooltipText(node.description);
  if (description) parts.push(description);
  node.ins.forEach((s, i) => parts.push(`Input ${i + 1}: ${streamTypeLabel(s)}`));
  node.outs.forEach((s, i) => parts.push(`Output ${i + 1}: ${streamTypeLabel(s)}`));
  return tooltipText(parts.join('. '));
}

/** Builds the view of one node, fitting its texts with canvas metrics. */
export function nodeView(node: WorkflowNode, fonts: NodeFonts = nodeFonts(), measurer: TextMeasurer = sharedMeasurer): NodeView {
  const p = plan(node);
  const m = METRICS;
  const ins = Math.max(1, node.ins.length);
  const outs = Math.max(1, node.outs.length);
  const handleHeight = (Math.max(ins, outs) + 1) * m.handleSpacing;
  const accessibleTitle = p.variant === 'operator' && displayText(node.title) ? `${p.title} (${displayText(node.title, 80)})` : p.title;
  const accessibleName =
    node.kind === 'args' || node.kind === 'kwargs' || node.kind === 'returns' ? `${kindName(node)}: ${p.subtitle}` : `${kindName(node)}: ${accessibleTitle}`;
  let width: number;
  let height: number;
  let title = p.title;
  let subtitle = p.subtitle;
  let caption = p.caption;
  let chips = p.chips;
  if (p.variant === 'operator') {
    const glyphSpace = p.glyph === 'none' ? 0 : m.iconSize + 6;
    const fitted = fitText(p.title, fonts.operator, m.operatorMaxWidth - 2 * m.padX - glyphSpace, measurer);
    title = fitted.text;
    width = Math.max(m.operatorMinWidth, Math.ceil(fitted.width + glyphSpace + 2 * m.padX + 4));
    height = Math.max(m.operatorHeight, handleHeight);
  } else if (p.variant === 'group') {
    const inner = m.groupMinWidth - 2 * m.padX;
    const chipSpace = p.chips.reduce((w, c) => w + measurer.width(c, fonts.chip) + 2 * m.chipPadX + m.chipGap, 0);
    const captionSpace = measurer.width(p.caption, fonts.caption) + 8;
    title = fitText(p.title, fonts.title, inner - m.iconSize - 6 - captionSpace - chipSpace, measurer).text;
    subtitle = p.subtitle ? fitText(p.subtitle, fonts.body, inner, measurer).text : '';
    width = m.groupMinWidth;
    height = m.groupMinHeight;
  } else {
    const iconSpace = m.iconSize + 6;
    const natural = Math.max(
      measurer.width(p.caption, fonts.caption) + iconSpace,
      measurer.width(p.title, fonts.title),
      p.subtitle ? measurer.width(p.subtitle, fonts.body) : 0,
      chipsWidth(p.chips, fonts, measurer),
    );
    width = Math.min(m.cardMaxWidth, Math.max(m.cardMinWidth, Math.ceil(natural + 2 * m.padX)));
    const inner = width - 2 * m.padX;
    caption = fitText(p.caption, fonts.caption, inner - iconSpace - (p.warning ? 20 : 0), measurer).text;
    title = fitText(p.title, fonts.title, inner, measurer).text;
    subtitle = p.subtitle ? fitText(p.subtitle, fonts.body, inner, measurer).text : '';
    chips = p.chips.map((c) => fitText(c, fonts.chip, inner - 2 * m.chipPadX, measurer).text);
    height =
      m.padTop +
      m.captionLine +
      m.titleLine +
      (subtitle ? m.bodyLine : 0) +
      (chips.length ? m.chipTop + m.chipHeight : 0) +
      m.padBottom;
    height = Math.max(height, handleHeight);
  }
  return {
    id: node.id,
    node,
    variant: p.variant,
    family: p.family,
    glyph: p.glyph,
    caption,
    title,
    subtitle,
    chips,
    accessibleName,
    details: detailsOf(node),
    warning: p.warning,
    width,
    height,
  };
}

function chipsWidth(chips: readonly string[], fonts: NodeFonts, measurer: TextMeasurer): number {
  let w = 0;
  for (const c of chips) w += measurer.width(c, fonts.chip) + 2 * METRICS.chipPadX + METRICS.chipGap;
  return w;
}

/** Views for every node of a workflow, keyed by node id. */
export function nodeViews(workflow: Workflow, fonts: NodeFonts = nodeFonts(), measurer: TextMeasurer = sharedMeasurer): Map<string, NodeView> {
  const out = new Map<string, NodeView>();
  for (const node of workflow.nodes) out.set(node.id, nodeView(node, fonts, measurer));
  return out;
}

/** The measured sizes the layout needs, keyed by node id. */
export function nodeSizes(views: ReadonlyMap<string, NodeView>): Map<string, NodeSize> {
  const out = new Map<string, NodeSize>();
  for (const [id, v] of views) out.set(id, { width: v.width, height: v.height });
  return out;
}
