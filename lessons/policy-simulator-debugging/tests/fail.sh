# stops before the last step (deny-still-guards): policy-simulator-debugging
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step refused
aws s3 ls s3://team-reports --profile reporter
aws iam get-user-policy --user-name reporter --policy-name reporting
# step simulate
aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::{{account}}:user/reporter --action-names s3:ListBucket --resource-arns arn:aws:s3:::team-reports
# step test-the-fix
aws iam simulate-custom-policy --policy-input-list '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::team-reports","arn:aws:s3:::team-reports/*"]},{"Effect":"Deny","NotAction":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}' --action-names s3:ListBucket --resource-arns arn:aws:s3:::team-reports
# step ship-the-fix
aws iam put-user-policy --user-name reporter --policy-name reporting --policy-document '{"Version":"2012-10-17","Statement":[{"Sid":"ReadReports","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::team-reports","arn:aws:s3:::team-reports/*"]},{"Sid":"NothingElse","Effect":"Deny","NotAction":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}'
aws s3 ls s3://team-reports --profile reporter
