/**
 * Log fields that may carry personal data or secrets. Handlers never log
 * request bodies; these paths catch what slips into structured log objects.
 */
export const logRedactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.idNumber',
  '*.name',
  '*.address',
  '*.photo',
  '*.applicant',
  '*.phone',
];
