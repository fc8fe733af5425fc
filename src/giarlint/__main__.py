from giarlint.cli import main

raise SystemExit(main())
