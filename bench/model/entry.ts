/** What the model benchmark runs in Node: the real parser and the shared attribute generator. */
export { parseHandoffContext } from '@polyai-context/model';
export { attributesOfSize } from '../fixtures/attributes';
