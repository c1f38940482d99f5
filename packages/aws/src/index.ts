export { createLambdaAnalysisRunner } from './lambda-analysis-runner';
export { createS3LargeUploads, largeUploadKey, largeUploadsClient, slotOfKey } from './s3-large-uploads';
