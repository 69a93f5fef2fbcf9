/** The project-written sample data the stories draw (demo/samples, demo/data): never fixtures. */
import imageAnalysis from '../../demo/samples/image-analysis.json';
import smartMicroscopy from '../../demo/samples/smart-microscopy.json';
import streamOperatorsStored from '../../demo/samples/stream-operators.stored.json';
import withWarnings from '../../demo/samples/with-warnings.json';
import { everyKindFlow } from '../../demo/data/every-kind.js';
import { largeFlow } from '../../demo/data/large.js';
import { recordRun } from '../../demo/data/recorded-run.js';

export const samples = { imageAnalysis, smartMicroscopy, streamOperatorsStored, withWarnings } as const;
export { everyKindFlow, largeFlow, recordRun };
