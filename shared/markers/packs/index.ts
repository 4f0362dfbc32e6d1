/**
 * Every rule pack, one JSON data file per marker of TAXONOMY.md plus the benign-context pack
 * shared by all markers. Packs are imported as JSON modules so the renderer, workers and the
 * CLI load the same data without touching the file system; add a marker by adding its file
 * here.
 */
import benignContext from './benign-context.json' with { type: 'json' };
import debtBondage from './debt-bondage.json' with { type: 'json' };
import deceptiveRecruitment from './deceptive-recruitment.json' with { type: 'json' };
import documentControl from './document-control.json' with { type: 'json' };
import earningsControl from './earnings-control.json' with { type: 'json' };
import exploitationLogistics from './exploitation-logistics.json' with { type: 'json' };
import groomingRomance from './grooming-romance.json' with { type: 'json' };
import intimateImageBlackmail from './intimate-image-blackmail.json' with { type: 'json' };
import isolation from './isolation.json' with { type: 'json' };
import movementControl from './movement-control.json' with { type: 'json' };
import reportingMonitoring from './reporting-monitoring.json' with { type: 'json' };
import thirdPartyControl from './third-party-control.json' with { type: 'json' };
import threatViolence from './threat-violence.json' with { type: 'json' };

/** Raw pack data, validated by compilePacks. */
export const RULE_PACKS: readonly unknown[] = [
  debtBondage,
  documentControl,
  threatViolence,
  intimateImageBlackmail,
  movementControl,
  reportingMonitoring,
  earningsControl,
  isolation,
  deceptiveRecruitment,
  thirdPartyControl,
  groomingRomance,
  exploitationLogistics,
  benignContext,
];
