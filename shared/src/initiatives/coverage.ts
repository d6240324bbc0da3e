/**
 * Which sections of the image of the future the initiatives serve. An initiative serves a section when it links the
 * section itself or a note inside it; the coverage view lists the sections nobody serves yet.
 */
import type { Initiative } from './schema.js';

export interface SectionCoverage {
  sectionId: string;
  /** Ids of the initiatives that serve the section, in display order. */
  initiativeIds: string[];
}

/**
 * @param sectionIds every section of the board, in display order
 * @param sectionOfNote the section a note lies in (null for a note outside every section)
 */
export function sectionCoverage(
  sectionIds: readonly string[],
  sectionOfNote: (noteId: string) => string | null,
  initiatives: readonly Initiative[],
): SectionCoverage[] {
  const served = new Map<string, string[]>(sectionIds.map((id) => [id, []]));
  for (const initiative of initiatives) {
    const sections = new Set<string>();
    for (const link of initiative.links) {
      const sectionId = link.kind === 'section' ? link.id : sectionOfNote(link.id);
      if (sectionId && served.has(sectionId)) sections.add(sectionId);
    }
    for (const sectionId of sections) served.get(sectionId)!.push(initiative.id);
  }
  return sectionIds.map((sectionId) => ({ sectionId, initiativeIds: served.get(sectionId)! }));
}
