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

/** Display forms of the few distinct action kinds and map strategies (thousands of nodes share them). */
const ACTION_KINDS = new Map<string, string>();
const STRATEGIES = new Map<string, string>();

const actionKindText = (k: string): string => displayText(k, 16).toUpperCase();
const strategyText = (m: string): string => displayText(m, 20).toUpperCase().replace(/_/g, ' ');

function memo(cache: Map<string, string>, raw: string, make: (raw: string) => string): string {
  let v = cache.get(raw);
  if (v === undefined) {
    v = make(raw);
    if (cache.size >= 256) cache.clear();
    cache.set(raw, v);
  }
  return v;
}

function plan(node: WorkflowNode): TextPlan {
  const family = familyOf(node);
  const title = displayText(node.title);
  const description = displayText(node.description);
  const usefulDescription = description && !(description.length === 14 && description.toLowerCase() === 'no description') ? description : '';
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
      const actionKind = node.action?.actionKind ? memo(ACTION_KINDS, node.action.actionKind, actionKindText) : '';
      const isGenerator = actionKind === 'GENERATOR';
      const captionHead = node.kind === 'rekuest-filter' ? 'FILTER' : node.kind === 'local' ? 'LOCAL' : node.kind === 'subgraph' ? 'SUBFLOW' : 'ACTION';
      const chips: string[] = [];
      if (node.kind === 'rekuest-filter') chips.push('Conditional');
      const strategy = node.action?.mapStrategy ? memo(STRATEGIES, node.action.mapStrategy, strategyText) : '';
      if (strategy) chips.push(strategy);
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

/**
 * A node's view. Only what layout and culling need for every node is computed up front: the plan
 * (kind, glyph, raw texts) and the box size from natural text widths. The fitted texts, the
 * accessible name and the details are computed on first read, so a culled node that is never
 * drawn never pays for them (performance.md F2).
 */
class LazyNodeView implements NodeView {
  readonly id: string;
  readonly variant: NodeVariant;
  readonly family: NodeFamily;
  readonly glyph: GlyphName;
  readonly warning: string;
  readonly width: number;
  readonly height: number;
  private readonly p: TextPlan;
  private readonly fonts: NodeFonts;
  private readonly measurer: TextMeasurer;
  private fitted: { caption: string; title: string; subtitle: string; chips: readonly string[] } | null;
  private name: string | undefined = undefined;
  private detailText: string | undefined = undefined;

  constructor(readonly node: WorkflowNode, fonts: NodeFonts, measurer: TextMeasurer) {
    const p = plan(node);
    const m = METRICS;
    this.id = node.id;
    this.p = p;
    this.fonts = fonts;
    this.measurer = measurer;
    this.variant = p.variant;
    this.family = p.family;
    this.glyph = p.glyph;
    this.warning = p.warning;
    this.fitted = null;
    const ins = node.ins.length > 1 ? node.ins.length : 1;
    const outs = node.outs.length > 1 ? node.outs.length : 1;
    const handleHeight = ((ins > outs ? ins : outs) + 1) * m.handleSpacing;
    if (p.variant === 'operator') {
      const glyphSpace = p.glyph === 'none' ? 0 : m.iconSize + 6;
      const fitted = fitText(p.title, fonts.operator, m.operatorMaxWidth - 2 * m.padX - glyphSpace, measurer);
      this.fitted = { caption: p.caption, title: fitted.text, subtitle: p.subtitle, chips: p.chips };
      this.width = Math.max(m.operatorMinWidth, Math.ceil(fitted.width + glyphSpace + 2 * m.padX + 4));
      this.height = Math.max(m.operatorHeight, handleHeight);
    } else if (p.variant === 'group') {
      this.width = m.groupMinWidth;
      this.height = m.groupMinHeight;
    } else {
      const iconSpace = m.iconSize + 6;
      // Sizing widths: never below the measured ones, so the fitted texts (measured exactly, later)
      // keep fitting; fresh titles need no measurement of their own.
      const natural = Math.max(
        sizingWidth(measurer, p.caption, fonts.caption) + iconSpace,
        sizingWidth(measurer, p.title, fonts.title),
        p.subtitle ? sizingWidth(measurer, p.subtitle, fonts.body) : 0,
        p.chips.length ? chipsWidth(p.chips, fonts, measurer) : 0,
      );
      this.width = Math.min(m.cardMaxWidth, Math.max(m.cardMinWidth, Math.ceil(natural + 2 * m.padX)));
      // A fitted text is never empty when its source is not (fitText keeps at least the ellipsis).
      const height =
        m.padTop + m.captionLine + m.titleLine + (p.subtitle ? m.bodyLine : 0) + (p.chips.length ? m.chipTop + m.chipHeight : 0) + m.padBottom;
      this.height = Math.max(height, handleHeight);
    }
  }

  get caption(): string {
    return this.fit().caption;
  }
  get title(): string {
    return this.fit().title;
  }
  get subtitle(): string {
    return this.fit().subtitle;
  }
  get chips(): readonly string[] {
    return this.fit().chips;
  }

  get accessibleName(): string {
    if (this.name === undefined) {
      const node = this.node;
      const p = this.p;
      const accessibleTitle = p.variant === 'operator' && displayText(node.title) ? `${p.title} (${displayText(node.title, 80)})` : p.title;
      this.name =
        node.kind === 'args' || node.kind === 'kwargs' || node.kind === 'returns' ? `${kindName(node)}: ${p.subtitle}` : `${kindName(node)}: ${accessibleTitle}`;
    }
    return this.name;
  }

  get details(): string {
    if (this.detailText === undefined) this.detailText = detailsOf(this.node);
    return this.detailText;
  }

  /** The texts fitted to the box (card and group; operators are fitted while sizing). */
  private fit(): { caption: string; title: string; subtitle: string; chips: readonly string[] } {
    if (this.fitted) return this.fitted;
    const p = this.p;
    const m = METRICS;
    const fonts = this.fonts;
    const measurer = this.measurer;
    if (p.variant === 'group') {
      const inner = m.groupMinWidth - 2 * m.padX;
      const chipSpace = p.chips.reduce((w, c) => w + measurer.width(c, fonts.chip) + 2 * m.chipPadX + m.chipGap, 0);
      const captionSpace = measurer.width(p.caption, fonts.caption) + 8;
      this.fitted = {
        caption: p.caption,
        title: fitText(p.title, fonts.title, inner - m.iconSize - 6 - captionSpace - chipSpace, measurer).text,
        subtitle: p.subtitle ? fitText(p.subtitle, fonts.body, inner, measurer).text : '',
        chips: p.chips,
      };
    } else {
      const iconSpace = m.iconSize + 6;
      const inner = this.width - 2 * m.padX;
      this.fitted = {
        caption: fitText(p.caption, fonts.caption, inner - iconSpace - (p.warning ? 20 : 0), measurer).text,
        title: fitText(p.title, fonts.title, inner, measurer).text,
        subtitle: p.subtitle ? fitText(p.subtitle, fonts.body, inner, measurer).text : '',
        chips: p.chips.length ? p.chips.map((c) => fitText(c, fonts.chip, inner - 2 * m.chipPadX, measurer).text) : p.chips,
      };
    }
    return this.fitted;
  }

  /** Plain-object form (JSON, structured clone, deep equality in tests). */
  toJSON(): Omit<NodeView, 'node'> & { node: string } {
    return {
      id: this.id,
      node: this.node.id,
      variant: this.variant,
      family: this.family,
      glyph: this.glyph,
      caption: this.caption,
      title: this.title,
      subtitle: this.subtitle,
      chips: this.chips,
      accessibleName: this.accessibleName,
      details: this.details,
      warning: this.warning,
      width: this.width,
      height: this.height,
    };
  }
}

/**
 * Builds the view of one node: its size from canvas text metrics at once, its fitted texts,
 * accessible name and details when first read.
 */
export function nodeView(node: WorkflowNode, fonts: NodeFonts = nodeFonts(), measurer: TextMeasurer = sharedMeasurer): NodeView {
  return new LazyNodeView(node, fonts, measurer);
}

/** The measurer's sizing width (never below the measured width), else the measured width. */
function sizingWidth(measurer: TextMeasurer, text: string, font: string): number {
  return measurer.sizingWidth ? measurer.sizingWidth(text, font) : measurer.width(text, font);
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
export function nodeSizes(views: ReadonlyMap<string, NodeView>): ReadonlyMap<string, NodeSize> {
  // A view carries its width and height: the views map is the sizes map (no second O(n) map).
  return views;
}
