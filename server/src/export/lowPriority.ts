/**
 * Imported first by each render thread's entry, for its side effect: modules are evaluated in import order, so the
 * thread lowers its priority before loading its libraries (docx, pdfmake, Yjs and Tiptap cost hundreds of
 * milliseconds of CPU to load), not after.
 */
import { lowerThisThreadsPriority } from './workerPriority.js';

lowerThisThreadsPriority();
