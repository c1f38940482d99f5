import type { AnalysisRunner, LargeUploadFiles, MapStore } from '@peermap/domain';
import type { UploadLimits } from '@peermap/ingest';

/** What the routes need: the store behind its port, a clock, and where large uploads go. */
export interface ApiDeps {
  store: MapStore;
  now: () => Date;
  /** Absent where large uploads are not set up; their routes then answer 503. */
  largeUploads?: LargeUploadFiles;
  /** Starts analysis runs away from the request; absent where analyses are not set up (503). */
  analysisRunner?: AnalysisRunner;
  /** What an upload may hold; the defaults (`DEFAULT_UPLOAD_LIMITS`) unless set. */
  uploadLimits?: UploadLimits;
}
