/**
 * Every concept file. Imported as JSON modules so the renderer, workers and the CLI load the
 * same data without touching the file system; add a concept by adding its file here (a test
 * checks that every file in this folder is listed).
 */
import apartmentRoom from './apartment-room.json' with { type: 'json' };
import clientCustomer from './client-customer.json' with { type: 'json' };
import debtOwing from './debt-owing.json' with { type: 'json' };
import drugs from './drugs.json' with { type: 'json' };
import escapeLeave from './escape-leave.json' with { type: 'json' };
import family from './family.json' with { type: 'json' };
import jobWork from './job-work.json' with { type: 'json' };
import locationAddress from './location-address.json' with { type: 'json' };
import moneyPayment from './money-payment.json' with { type: 'json' };
import passportIdPapers from './passport-id-papers.json' with { type: 'json' };
import phoneNumber from './phone-number.json' with { type: 'json' };
import photosVideos from './photos-videos.json' with { type: 'json' };
import police from './police.json' with { type: 'json' };
import threatViolence from './threat-violence.json' with { type: 'json' };
import ticketTravel from './ticket-travel.json' with { type: 'json' };
import visaPermit from './visa-permit.json' with { type: 'json' };
import wageSalary from './wage-salary.json' with { type: 'json' };

/** Raw concept files, validated by ../index.ts when the lexicon loads. */
export const CONCEPT_FILES: readonly unknown[] = [
  apartmentRoom,
  clientCustomer,
  debtOwing,
  drugs,
  escapeLeave,
  family,
  jobWork,
  locationAddress,
  moneyPayment,
  passportIdPapers,
  phoneNumber,
  photosVideos,
  police,
  threatViolence,
  ticketTravel,
  visaPermit,
  wageSalary,
];
