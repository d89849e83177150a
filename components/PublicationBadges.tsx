import type { BadgeVenue } from '@/utils/search/word-index';
import { venueLabel, venueTitle } from '@/utils/paper/venue';


/**
 * Where a paper was published ("NeurIPS 2024") and whether it has code, as badges beside its
 * reading status. The code badge is a link where the row allows one (`links`); in a row that
 * is itself a button it is a plain badge, and the paper's details hold the link.
 */
export function PublicationBadges({ paper, links = false }: { paper: { venue?: BadgeVenue; code?: { repo?: string }; title: string }; links?: boolean }) {
  const { venue, code } = paper;
  return (
    <>
      {venue && (
        <span className="badge badge-venue" title={venueTitle(venue)}>
          {venueLabel(venue)}
        </span>
      )}
      {code?.repo &&
        (links ? (
          <a className="badge badge-code" href={code.repo} target="_blank" rel="noreferrer" title={code.repo} aria-label={`Code for ${paper.title}`}>
            code
          </a>
        ) : (
          <span className="badge badge-code" title={code.repo}>
            code
          </span>
        ))}
    </>
  );
}
