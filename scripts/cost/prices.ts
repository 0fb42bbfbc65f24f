/**
 * AWS list prices for Asia Pacific (Jakarta), ap-southeast-3, in US dollars, as published on each
 * service's pricing page on the date given. They were NOT fetched from the machine that runs
 * `npm run cost` (it has no internet): check them against the page (or the AWS Pricing Calculator)
 * before relying on a total, and update `asOf` when you do. Where the Jakarta price was not known
 * with certainty, the higher of the nearby regions' (Singapore) was taken and the note says so.
 */
export interface Price {
  usd: number;
  unit: string;
  source: string;
  asOf: string;
  note?: string;
}

const page = (service: string) => `https://aws.amazon.com/${service}/pricing/`;

export const PRICES = {
  lambdaRequests: { usd: 0.2, unit: "per million requests", source: page("lambda"), asOf: "2025-06" },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    unit: "per GB-second, Arm (first 7.5 billion GB-s)",
    source: page("lambda"),
    asOf: "2025-06",
    note: "Init (cold start) duration is billed like handler duration since 2025-08.",
  },
  httpApiRequests: {
    usd: 1.2,
    unit: "per million HTTP API requests (first 300 million)",
    source: page("api-gateway"),
    asOf: "2025-06",
    note: "US$1.00 in us-east-1; the Asia Pacific price is taken.",
  },
  dynamoWriteUnits: {
    usd: 0.7125,
    unit: "per million write request units, on-demand",
    source: page("dynamodb"),
    asOf: "2025-06",
    note: "After the 2024-11 on-demand price cut (us-east-1: 0.625); Singapore's price taken.",
  },
  dynamoReadUnits: {
    usd: 0.1425,
    unit: "per million read request units, on-demand",
    source: page("dynamodb"),
    asOf: "2025-06",
    note: "us-east-1: 0.125; Singapore's price taken.",
  },
  dynamoIaStorageGbMonth: {
    usd: 0.114,
    unit: "per GB-month, Standard-Infrequent Access table class",
    source: page("dynamodb"),
    asOf: "2025-06",
    note: "Request units cost 25% more in this class (applied in the model).",
  },
  dynamoStorageGbMonth: {
    usd: 0.285,
    unit: "per GB-month, Standard table class",
    source: page("dynamodb"),
    asOf: "2025-06",
  },
  dynamoPitrGbMonth: {
    usd: 0.228,
    unit: "per GB-month, continuous backups (PITR)",
    source: page("dynamodb"),
    asOf: "2025-06",
  },
  logsIngestGb: {
    usd: 0.7,
    unit: "per GB ingested, CloudWatch Logs standard",
    source: page("cloudwatch"),
    asOf: "2025-06",
    note: "us-east-1: 0.50; Singapore's price taken.",
  },
  logsStorageGbMonth: {
    usd: 0.033,
    unit: "per GB-month archived logs",
    source: page("cloudwatch"),
    asOf: "2025-06",
  },
  alarmMetric: {
    usd: 0.1,
    unit: "per standard-resolution alarm metric per month",
    source: page("cloudwatch"),
    asOf: "2025-06",
  },
  secret: { usd: 0.4, unit: "per secret per month", source: page("secrets-manager"), asOf: "2025-06" },
  secretCalls: { usd: 0.05, unit: "per 10,000 API calls", source: page("secrets-manager"), asOf: "2025-06" },
  cloudfrontGb: {
    usd: 0.12,
    unit: "per GB to viewers in Indonesia (Asia Pacific, first 10 TB), beyond the free 1 TB",
    source: page("cloudfront"),
    asOf: "2025-06",
  },
  cloudfrontRequests: {
    usd: 0.012,
    unit: "per 10,000 HTTPS requests (Asia Pacific), beyond the free 10 million",
    source: page("cloudfront"),
    asOf: "2025-06",
  },
  s3StorageGbMonth: { usd: 0.025, unit: "per GB-month, S3 Standard", source: page("s3"), asOf: "2025-06" },
  ec2T4gSmallHour: {
    usd: 0.0212,
    unit: "per hour, EC2 t4g.small Linux on-demand",
    source: "https://aws.amazon.com/ec2/pricing/on-demand/",
    asOf: "2025-06",
    note: "us-east-1: 0.0168; Singapore's price taken.",
  },
  ebsGp3GbMonth: {
    usd: 0.096,
    unit: "per GB-month, EBS gp3",
    source: "https://aws.amazon.com/ebs/pricing/",
    asOf: "2025-06",
  },
  rdsT4gMicroHour: {
    usd: 0.025,
    unit: "per hour, RDS db.t4g.micro PostgreSQL, Single-AZ, on-demand",
    source: "https://aws.amazon.com/rds/postgresql/pricing/",
    asOf: "2025-06",
    note: "us-east-1: 0.016; Singapore's price taken.",
  },
  rdsGp3GbMonth: {
    usd: 0.138,
    unit: "per GB-month, RDS gp3 storage",
    source: "https://aws.amazon.com/rds/postgresql/pricing/",
    asOf: "2025-06",
  },
} satisfies Record<string, Price>;

export type PriceTable = { [K in keyof typeof PRICES]: Price };
