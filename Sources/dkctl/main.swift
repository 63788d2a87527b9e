import Shell

print("dkctl \(ShellInfo.version)")
