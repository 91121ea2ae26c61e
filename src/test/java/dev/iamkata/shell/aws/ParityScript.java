package dev.iamkata.shell.aws;

import java.util.List;

/**
 * The commands the differential suite runs: every command of the five articles (as lessons retell
 * them, typos fixed), the outputs learners switch between, and error cases. Lines starting with
 * {@code @} are directives for both sides ({@code @save-key}, {@code @save-session}, {@code
 * @role-profile}, {@code @file}, {@code @zip}, {@code @advance}, {@code @env}, {@code @unenv}).
 * A trailing {@code #v2} marks a command the CLI v1 cannot run (v1 has no YAML output).
 */
final class ParityScript {
  static final String A = "arn:aws:iam::123456789012";

  private ParityScript() {}

  static List<String> lines() {
    return List.of(
        // article 002: user, key, denied, policy from file://, role, role_arn profile
        "aws sts get-caller-identity",
        "aws iam create-user --user-name tanaka",
        "aws iam create-access-key --user-name tanaka",
        "@save-key tanaka",
        "aws ec2 describe-instance-types --profile tanaka",
        "@file toy-policy.json {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ec2:DescribeInstanceTypes\",\"Resource\":\"*\"}]}",
        "aws iam create-policy --policy-name ToyPolicy --policy-document file://toy-policy.json",
        "aws sts get-caller-identity --profile tanaka",
        "@file trust-policy.json {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\""
            + A
            + ":user/tanaka\"},\"Action\":\"sts:AssumeRole\"}]}",
        "aws iam create-role --role-name toy-role --assume-role-policy-document file://trust-policy.json",
        "aws iam attach-role-policy --role-name toy-role --policy-arn " + A + ":policy/ToyPolicy",
        "@file assume.json {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}",
        "aws iam put-user-policy --user-name tanaka --policy-name assume --policy-document file://assume.json",
        "@role-profile toy " + A + ":role/toy-role tanaka",
        "aws ec2 describe-instance-types --profile toy --query InstanceTypes[].InstanceType",
        "aws ec2 describe-instance-types --profile toy --instance-types t3.micro --query InstanceTypes[0].VCpuInfo",
        "aws ec2 describe-vpcs --profile toy",
        "aws sts get-caller-identity --profile toy --query Arn --output text",
        "aws iam list-attached-role-policies --role-name toy-role",
        "aws iam list-attached-role-policies --role-name toy-role --output table",
        "aws iam get-role --role-name toy-role --query Role.AssumeRolePolicyDocument",
        "aws iam get-role --role-name toy-role",
        "aws iam get-role --role-name toy-role --output text",
        "aws iam get-role --role-name toy-role --output table",
        "aws iam get-role --role-name toy-role --output yaml #v2",
        "aws iam get-policy --policy-arn " + A + ":policy/ToyPolicy",
        "aws iam get-policy-version --policy-arn " + A + ":policy/ToyPolicy --version-id v1",
        "aws iam list-policies --scope Local",
        "aws iam list-access-keys --user-name tanaka --query AccessKeyMetadata[].Status",
        "aws iam tag-role --role-name toy-role --tags Key=team,Value=kata Key=env,Value=dev",
        "aws iam list-role-tags --role-name toy-role",
        "aws iam get-user --user-name tanaka --output text",
        "aws iam list-users --output table",
        "aws iam list-users --query Users[].UserName --output text",
        "aws iam list-users --max-items 1 --query Users[].UserName",
        "aws iam simulate-principal-policy --policy-source-arn "
            + A
            + ":user/tanaka"
            + " --action-names ec2:DescribeVpcs sts:AssumeRole"
            + " --query EvaluationResults[].[EvalActionName,EvalDecision] --output text",
        // article 000: dev-user, dev-role, a session profile, allowed, denied, expired
        "aws iam create-user --user-name dev-user",
        "aws iam create-access-key --user-name dev-user",
        "@save-key dev-user",
        "@file dev-trust.json {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\""
            + A
            + ":user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}",
        "aws iam create-role --role-name dev-role --assume-role-policy-document file://dev-trust.json"
            + " --query Role.RoleName",
        "aws iam attach-role-policy --role-name dev-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        "aws iam put-user-policy --user-name dev-user --policy-name assume --policy-document file://assume.json",
        "aws sts assume-role --role-arn "
            + A
            + ":role/dev-role --role-session-name dev-session --profile dev-user",
        "@save-session dev-session",
        "aws s3 ls --profile dev-session",
        "aws dynamodb list-tables --profile dev-session",
        "aws s3 ls --profile dev-user",
        "aws sts get-caller-identity --profile dev-session",
        "aws iam list-roles --profile dev-session",
        "aws sts assume-role --role-arn " + A + ":role/dev-role --role-session-name again",
        // article 001: a read-only role, credentials exported as variables
        "@file ro-trust.json {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\""
            + A
            + ":user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}",
        "aws iam create-role --role-name read-only --assume-role-policy-document file://ro-trust.json --query Role.Arn",
        "aws iam attach-role-policy --role-name read-only --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess",
        "aws sts assume-role --role-arn "
            + A
            + ":role/read-only --role-session-name test-session --profile dev-user",
        "@env-session",
        "aws s3 ls",
        "aws sts get-caller-identity --query Arn",
        "aws iam create-user --user-name not-allowed",
        "@env AWS_SESSION_TOKEN=not-a-token",
        "aws sts get-caller-identity",
        "@unenv AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN",
        // article 003: Lambda with an execution role, DynamoDB
        "@file lambda-trust.json {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
        "aws iam create-role --role-name lambda-role --assume-role-policy-document file://lambda-trust.json --query Role.RoleName",
        "aws iam attach-role-policy --role-name lambda-role --policy-arn arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess",
        "@zip function.zip",
        "aws lambda create-function --function-name reader --runtime python3.12 --role "
            + A
            + ":role/lambda-role --handler index.handler --zip-file fileb://function.zip --query [FunctionName,Role,Handler,Runtime]",
        "aws lambda get-function-configuration --function-name reader --query [FunctionName,Runtime,Handler]",
        "aws lambda list-functions --query Functions[].FunctionName",
        "@file event.json {\"k\":\"v\"}",
        "aws lambda invoke --function-name reader --payload fileb://event.json out.json",
        "aws lambda invoke --function-name reader out.json --query StatusCode",
        "aws lambda invoke --function-name reader",
        "aws lambda invoke --function-name nope out.json",
        "aws lambda create-function --function-name bad --runtime python3.12 --role "
            + A
            + ":role/toy-role --handler index.handler --zip-file fileb://function.zip",
        "aws lambda get-function --function-name nope",
        "aws dynamodb create-table --table-name Music --attribute-definitions AttributeName=Artist,AttributeType=S"
            + " --key-schema AttributeName=Artist,KeyType=HASH --billing-mode PAY_PER_REQUEST --query TableDescription.KeySchema",
        "aws dynamodb put-item --table-name Music --item {\"Artist\":{\"S\":\"Tama\"},\"Plays\":{\"N\":\"3\"}}",
        "aws dynamodb get-item --table-name Music --key {\"Artist\":{\"S\":\"Tama\"}}",
        "aws dynamodb scan --table-name Music",
        "aws dynamodb query --table-name Music --key-condition-expression Artist=:a"
            + " --expression-attribute-values {\":a\":{\"S\":\"Tama\"}}",
        "aws dynamodb list-tables",
        "aws dynamodb describe-table --table-name Music --query Table.[TableName,TableStatus,KeySchema]",
        "aws dynamodb get-item --table-name Nope --key {\"Artist\":{\"S\":\"Tama\"}}",
        "aws dynamodb delete-item --table-name Music --key {\"Artist\":{\"S\":\"Tama\"}}",
        // article 004: an instance profile for EC2
        "@file ec2-trust.json {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
        "aws iam create-role --role-name ec2-role --assume-role-policy-document file://ec2-trust.json --query Role.RoleName",
        "aws iam create-instance-profile --instance-profile-name ec2-prof --query InstanceProfile.InstanceProfileName",
        "aws iam add-role-to-instance-profile --instance-profile-name ec2-prof --role-name ec2-role",
        "aws iam get-instance-profile --instance-profile-name ec2-prof --query InstanceProfile.Roles[].RoleName",
        "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro"
            + " --iam-instance-profile Name=ec2-prof --query Instances[].[InstanceType,State.Name]",
        "aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --dry-run",
        "aws ec2 describe-instances --query Reservations[].Instances[].InstanceType",
        "aws ec2 describe-instances --filters Name=instance-type,Values=t3.micro --query Reservations[].Instances[].State.Name",
        "aws ec2 describe-iam-instance-profile-associations --query IamInstanceProfileAssociations[].State",
        "aws ec2 describe-regions --query Regions[].RegionName --output text",
        "aws ec2 describe-vpcs --query Vpcs[].IsDefault",
        // S3, high level and s3api
        "aws s3 mb s3://kata-bucket-1",
        "@file hello.txt hello, kata",
        "aws s3 cp hello.txt s3://kata-bucket-1/hello.txt",
        "aws s3 cp hello.txt s3://kata-bucket-1/docs/",
        "aws s3 ls s3://kata-bucket-1",
        "aws s3 ls s3://kata-bucket-1 --recursive",
        "aws s3 ls s3://kata-bucket-1/nope",
        "aws s3api list-objects-v2 --bucket kata-bucket-1 --query Contents[].[Key,Size]",
        "aws s3api head-object --bucket kata-bucket-1 --key hello.txt --query ContentLength",
        "aws s3api get-bucket-location --bucket kata-bucket-1",
        "aws s3api put-object --bucket kata-bucket-1 --key api.txt --body hello.txt",
        "aws s3api get-object --bucket kata-bucket-1 --key api.txt got.txt",
        "aws s3api get-object --bucket kata-bucket-1 --key missing.txt got.txt",
        "aws s3api delete-object --bucket kata-bucket-1 --key api.txt",
        "aws s3api put-object --bucket kata-bucket-1 --key x --body missing.txt",
        "aws s3 cp s3://kata-bucket-1/hello.txt copy.txt",
        "aws s3 cp s3://kata-bucket-1/missing.txt copy.txt",
        "aws s3 rm s3://kata-bucket-1/hello.txt",
        "aws s3 rb s3://kata-bucket-1",
        "aws s3 rb s3://kata-bucket-1 --force",
        "aws s3 ls s3://no-such-bucket",
        "aws s3api head-object --bucket no-such-bucket --key x",
        "aws s3 mb s3://kata-bucket-1 --profile dev-user",
        "aws cloudtrail lookup-events --query length(Events)>`0`",
        // error cases
        "aws iam get-role --role-name nope",
        "aws iam create-user --user-name tanaka",
        "aws iam create-role",
        "aws iam get-role",
        "aws iam get-role --role-name x --bogus",
        "aws iam create-role --role-name bad --assume-role-policy-document {bad",
        "aws dynamodb put-item --table-name Music --item {bad",
        "aws dynamodb put-item --table-name Music --item {\"Artist\":{\"S\":\"x\"},}",
        "aws iam tag-role --role-name toy-role --tags Key=a,Value",
        "aws sts get-caller-identity --profile nope",
        "aws sts assume-role --role-arn "
            + A
            + ":role/dev-role --role-session-name s --duration-seconds abc",
        "aws iam create-role --role-name x --assume-role-policy-document file://missing.json",
        "aws iam list-users --profile no-keys",
        "aws iam get-role --role-name",
        "aws iam list-users --output xml #v2",
        "aws configure get region --profile tanaka",
        "aws configure set region ap-northeast-1 --profile tanaka",
        "aws configure get region --profile tanaka",
        "aws configure get output --profile tanaka",
        // the clock moves on: sessions expire, the role_arn profile's cache too
        "@advance 2h",
        "aws s3 ls --profile dev-session",
        "aws sts get-caller-identity --profile dev-session",
        "aws dynamodb list-tables --profile dev-session",
        "aws sts get-caller-identity --profile toy");
  }
}
