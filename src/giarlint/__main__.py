from giarlint.cli import console

console()
