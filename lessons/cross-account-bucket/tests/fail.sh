# stops before the last step (write-still-denied): cross-account-bucket
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step denied-both-sides
aws s3 ls s3://shared-reports/reports/ --profile analyst
# step bucket-policy
cat > bucket-policy.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account2}}:root"},
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::shared-reports"
    },
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::{{account2}}:root"},
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::shared-reports/reports/*"
    }
  ]
}
EOF
aws s3api put-bucket-policy --bucket shared-reports --policy file://bucket-policy.json
# step still-denied
aws s3 ls s3://shared-reports/reports/ --profile analyst
# step their-side
aws iam put-user-policy --user-name analyst --policy-name shared-reports --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::shared-reports","arn:aws:s3:::shared-reports/*"]}]}' --profile partner-admin
# step both-sides-agree
aws s3 ls s3://shared-reports/reports/ --profile analyst
aws s3 cp s3://shared-reports/reports/q3.csv q3.csv --profile analyst
cat q3.csv
