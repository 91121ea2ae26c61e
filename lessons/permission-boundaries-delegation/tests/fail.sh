# stops before the last step (cannot-edit-boundary): permission-boundaries-delegation
# Lines exactly as a learner types them; placeholders are filled in by the grader.
# step boundary-policy
cat > team-boundary.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:*", "dynamodb:*", "logs:*"],
      "Resource": "*"
    }
  ]
}
EOF
aws iam create-policy --policy-name TeamBoundary --policy-document file://team-boundary.json
# step delegate
cat > lead-policy.json <<'EOF'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CreateTeamRolesWithBoundary",
      "Effect": "Allow",
      "Action": ["iam:CreateRole", "iam:AttachRolePolicy", "iam:PutRolePolicy"],
      "Resource": "arn:aws:iam::{{account}}:role/team-*",
      "Condition": {"StringEquals": {"iam:PermissionsBoundary": "arn:aws:iam::{{account}}:policy/TeamBoundary"}}
    },
    {
      "Sid": "ReadIam",
      "Effect": "Allow",
      "Action": ["iam:GetRole", "iam:ListRoles", "iam:GetPolicy", "iam:GetPolicyVersion"],
      "Resource": "*"
    },
    {
      "Sid": "KeepTheBoundary",
      "Effect": "Deny",
      "Action": "iam:DeleteRolePermissionsBoundary",
      "Resource": "*"
    },
    {
      "Sid": "HandsOffTheBoundaryPolicy",
      "Effect": "Deny",
      "Action": ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion"],
      "Resource": "arn:aws:iam::{{account}}:policy/TeamBoundary"
    }
  ]
}
EOF
aws iam put-user-policy --user-name lead --policy-name delegate-roles --policy-document file://lead-policy.json
# step no-boundary-no-role
aws iam create-role --role-name team-worker --assume-role-policy-document file://lambda-trust.json --profile lead
# step with-boundary
aws iam create-role --role-name team-worker --assume-role-policy-document file://lambda-trust.json --permissions-boundary arn:aws:iam::{{account}}:policy/TeamBoundary --profile lead
# step admin-policy-capped
aws iam attach-role-policy --role-name team-worker --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile lead
# step cannot-remove-boundary
aws iam delete-role-permissions-boundary --role-name team-worker --profile lead
