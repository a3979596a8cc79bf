from cailos_litellm.cli import main

main()
